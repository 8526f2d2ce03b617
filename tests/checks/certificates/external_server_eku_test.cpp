// CERT-EXT-09: one row per outcome (docs/checks/CERT-EXT-09.md).
#include "checks/certificates/external_server_eku.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(ExternalServerEkuCheck, OneRowPerOutcome) {
    run_rows(
        checks::ExternalServerEkuCheck(), "CERT-EXT-09",
        {
            {"pass - server EKU present", nullptr, Status::pass, "cert:edgepool/external"},
            {"fail - server EKU absent", EDIT(m.edge_pools[0].certificates[0].server_eku = false),
             Status::fail, "cert:edgepool/external"},
            {"skip - EKU not stated", EDIT(m.edge_pools[0].certificates[0].server_eku.reset()),
             Status::skip, "cert:edgepool/external", "unknown_input"},
        });
}

}  // namespace edgeplan::testing
