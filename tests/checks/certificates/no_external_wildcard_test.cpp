// CERT-EXT-08: one row per outcome (docs/checks/CERT-EXT-08.md).
#include "checks/certificates/no_external_wildcard.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(NoExternalWildcardCheck, OneRowPerOutcome) {
    run_rows(checks::NoExternalWildcardCheck(), "CERT-EXT-08",
             {
                 {"pass - no wildcard names", nullptr, Status::pass, "cert:edgepool/external"},
                 {"warn - wildcard SAN",
                  EDIT(m.edge_pools[0].certificates[0].sans.push_back("*.contoso.com")),
                  Status::warn, "cert:edgepool/external"},
                 {"fail - wildcard subject",
                  EDIT(m.edge_pools[0].certificates[0].subject = "*.contoso.com"), Status::fail,
                  "cert:edgepool/external"},
             });
}

}  // namespace edgeplan::testing
