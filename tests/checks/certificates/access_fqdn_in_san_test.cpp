// CERT-EXT-03: one row per outcome (docs/checks/CERT-EXT-03.md).
#include "checks/certificates/access_fqdn_in_san.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(AccessFqdnInSanCheck, OneRowPerOutcome) {
    run_rows(checks::AccessFqdnInSanCheck(), "CERT-EXT-03",
             {
                 {"pass - Access Edge FQDN in the SAN list", nullptr, Status::pass,
                  "cert:edgepool/external"},
                 {"fail - Access Edge FQDN missing from the SAN list",
                  EDIT(m.edge_pools[0].certificates[0].sans.erase(
                      m.edge_pools[0].certificates[0].sans.begin())),
                  Status::fail, "cert:edgepool/external"},
                 {"fail - subject name not repeated in the SAN list",
                  EDIT(m.edge_pools[0].certificates[0].subject = "edge-ext.contoso.com"),
                  Status::fail, "cert:edgepool/external"},
                 {"skip - Access Edge FQDN not stated", EDIT(m.edge_pools[0].access.fqdn.clear()),
                  Status::skip, "cert:edgepool/external", "unknown_input"},
             });
}

}  // namespace edgeplan::testing
