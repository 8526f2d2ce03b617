// CERT-INT-03: one row per outcome (docs/checks/CERT-INT-03.md).
#include "checks/certificates/internal_wildcard.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(InternalWildcardCheck, OneRowPerOutcome) {
    run_rows(checks::InternalWildcardCheck(), "CERT-INT-03",
             {
                 {"pass - no wildcard", nullptr, Status::pass, "cert:edgepool/internal"},
                 {"pass - wildcard SAN is allowed internally",
                  EDIT(m.edge_pools[0].certificates[1].sans = {"*.contoso.net"}), Status::pass,
                  "cert:edgepool/internal"},
                 {"fail - wildcard subject",
                  EDIT(m.edge_pools[0].certificates[1].subject = "*.contoso.net"), Status::fail,
                  "cert:edgepool/internal"},
             });
}

}  // namespace edgeplan::testing
