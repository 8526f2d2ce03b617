// LB-06: one row per outcome (docs/checks/LB-06.md).
#include "checks/load_balancing/pool_size.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PoolSizeCheck, OneRowPerOutcome) {
    run_rows(
        checks::PoolSizeCheck(), "LB-06",
        {
            {"pass - two members", nullptr, Status::pass, "pool:edgepool"},
            {"fail - thirteen members",
             EDIT(auto& ms = m.edge_pools[0].members; while (ms.size() < 13) ms.push_back(ms[0])),
             Status::fail, "pool:edgepool"},
            {"pass - twelve members",
             EDIT(auto& ms = m.edge_pools[0].members; while (ms.size() < 12) ms.push_back(ms[0])),
             Status::pass, "pool:edgepool"},
            {"warn - one member", EDIT(m.edge_pools[0].members.resize(1)), Status::warn,
             "pool:edgepool"},
            {"skip - members not stated", EDIT(m.edge_pools[0].members.clear()), Status::skip,
             "pool:edgepool", "unknown_input"},
            {"skip - single Edge", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
