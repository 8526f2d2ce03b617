// TOPO-12: one row per outcome (docs/checks/TOPO-12.md).
#include "checks/topology/edge_pool_present.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(EdgePoolPresentCheck, OneRowPerOutcome) {
    run_rows(checks::EdgePoolPresentCheck(), "TOPO-12",
             {
                 {"pass - one Edge pool", nullptr, Status::pass, "topology"},
                 {"fail - a topology without an Edge pool", EDIT(m.edge_pools.clear()),
                  Status::fail, "topology"},
             });
}

}  // namespace edgeplan::testing
