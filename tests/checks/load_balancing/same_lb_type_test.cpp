// LB-01: one row per outcome (docs/checks/LB-01.md).
#include "checks/load_balancing/same_lb_type.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SameLbTypeCheck, OneRowPerOutcome) {
    run_rows(
        checks::SameLbTypeCheck(), "LB-01",
        {
            {"pass - DNS load balancing on both sides", nullptr, Status::pass, "pool:edgepool"},
            {"fail - DNS pool also declares an internal VIP",
             EDIT(HardwareVips v; v.internal = {"172.25.33.9"}; m.edge_pools[0].vips = v),
             Status::fail, "pool:edgepool"},
            {"pass - hardware load balancing on both sides", nullptr, Status::pass, "pool:edgepool",
             "", s5_model},
            {"fail - hardware pool without an internal VIP",
             EDIT(m.edge_pools[0].vips->internal.clear()), Status::fail, "pool:edgepool", "",
             s5_model},
            {"skip - hardware pool without VIPs", EDIT(m.edge_pools[0].vips.reset()), Status::skip,
             "pool:edgepool", "unknown_input", s5_model},
            {"skip - single Edge", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
