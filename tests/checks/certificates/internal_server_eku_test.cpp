// CERT-INT-04: one row per outcome (docs/checks/CERT-INT-04.md).
#include "checks/certificates/internal_server_eku.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(InternalServerEkuCheck, OneRowPerOutcome) {
    run_rows(
        checks::InternalServerEkuCheck(), "CERT-INT-04",
        {
            {"pass - server EKU present", nullptr, Status::pass, "cert:edgepool/internal"},
            {"fail - server EKU absent", EDIT(m.edge_pools[0].certificates[1].server_eku = false),
             Status::fail, "cert:edgepool/internal"},
            {"skip - EKU not stated", EDIT(m.edge_pools[0].certificates[1].server_eku.reset()),
             Status::skip, "cert:edgepool/internal", "unknown_input"},
        });
}

}  // namespace edgeplan::testing
