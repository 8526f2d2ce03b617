// TOPO-05: one row per outcome (docs/checks/TOPO-05.md).
#include "checks/topology/unique_edge_fqdns.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(UniqueEdgeFqdnsCheck, OneRowPerOutcome) {
    run_rows(checks::UniqueEdgeFqdnsCheck(), "TOPO-05",
             {
                 {"pass - the pool's FQDNs are its own", nullptr, Status::pass, "pool:edgepool"},
                 {"fail - two Edge pools share FQDNs",
                  EDIT(m.edge_pools.push_back(copy_pool(m.edge_pools[0], "edge2"))), Status::fail,
                  "pool:edgepool"},
                 {"fail - internal FQDN reused as external FQDN",
                  EDIT(m.edge_pools[0].access.fqdn = "lsedge.contoso.net"), Status::fail,
                  "pool:edgepool"},
                 {"skip - no Edge pool", EDIT(m.edge_pools.clear()), Status::skip, "topology",
                  "not_applicable"},
             });
}

}  // namespace edgeplan::testing
