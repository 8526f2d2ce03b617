// TOPO-09: one row per outcome (docs/checks/TOPO-09.md).
#include "checks/topology/edge_sizing.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(EdgeSizingCheck, OneRowPerOutcome) {
    run_rows(checks::EdgeSizingCheck(), "TOPO-09",
             {
                 {"pass - scaled pool", nullptr, Status::pass, "pool:edgepool"},
                 {"skip - single Edge without capacity inputs", nullptr, Status::skip,
                  "pool:edge.contoso.net", "unknown_input", s1_model},
                 {"skip - no Edge pool", EDIT(m.edge_pools.clear()), Status::skip, "topology",
                  "not_applicable"},
             });
}

}  // namespace edgeplan::testing
