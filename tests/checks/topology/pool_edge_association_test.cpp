// TOPO-02: one row per outcome (docs/checks/TOPO-02.md).
#include "checks/topology/pool_edge_association.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PoolEdgeAssociationCheck, OneRowPerOutcome) {
    run_rows(
        checks::PoolEdgeAssociationCheck(), "TOPO-02",
        {
            {"pass - associated with one Edge pool", nullptr, Status::pass, "pool:pool01"},
            {"fail - associated with two Edge pools",
             EDIT(m.edge_pools.push_back(copy_pool(m.edge_pools[0], "edge2"))), Status::fail,
             "pool:pool01"},
            {"fail - associated Edge pool is not defined",
             EDIT(m.internal_pools[0].edge_pool = "ghost";
                  m.edge_pools[0].associated_pools.clear()),
             Status::fail, "pool:pool01"},
            {"warn - not associated with any Edge pool",
             EDIT(m.internal_pools[0].edge_pool.clear(); m.edge_pools[0].associated_pools.clear()),
             Status::warn, "pool:pool01"},
            {"skip - only a Director is defined",
             EDIT(m.internal_pools[0].kind = InternalPoolKind::director), Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
