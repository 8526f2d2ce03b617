// LB-02: one row per outcome (docs/checks/LB-02.md).
#include "checks/load_balancing/no_nat_with_hlb.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(NoNatWithHlbCheck, OneRowPerOutcome) {
    run_rows(
        checks::NoNatWithHlbCheck(), "LB-02",
        {
            {"pass - hardware pool with public addresses", nullptr, Status::pass, "pool:edgepool",
             "", s5_model},
            {"fail - hardware pool behind NAT", EDIT(m.edge_pools[0].nat = true), Status::fail,
             "pool:edgepool", "", s5_model},
            {"skip - DNS load-balanced pool", nullptr, Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
