// TOPO-01: one row per outcome (docs/checks/TOPO-01.md).
#include "checks/topology/edge_next_hop.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(EdgeNextHopCheck, OneRowPerOutcome) {
    run_rows(
        checks::EdgeNextHopCheck(), "TOPO-01",
        {
            {"pass - next hop is the Front End pool", nullptr, Status::pass, "pool:edgepool"},
            {"fail - next hop names no internal pool", EDIT(m.edge_pools[0].next_hop = "nope"),
             Status::fail, "pool:edgepool"},
            {"fail - only a Director is defined",
             EDIT(m.internal_pools[0].kind = InternalPoolKind::director), Status::fail, "topology"},
            {"skip - next hop is not stated", EDIT(m.edge_pools[0].next_hop.clear()), Status::skip,
             "pool:edgepool", "unknown_input"},
            {"skip - no Edge pool", EDIT(m.edge_pools.clear()), Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
