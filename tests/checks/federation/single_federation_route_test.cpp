// FED-01: one row per outcome (docs/checks/FED-01.md).
#include "checks/federation/single_federation_route.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SingleFederationRouteCheck, OneRowPerOutcome) {
    run_rows(checks::SingleFederationRouteCheck(), "FED-01",
             {
                 {"pass - one Edge pool enables federation", nullptr, Status::pass, "topology"},
                 {"fail - two pools enable federation",
                  EDIT(m.edge_pools.push_back(copy_pool(m.edge_pools[0], "edge2"))), Status::fail,
                  "topology"},
                 {"fail - federation wanted but no pool enables it",
                  EDIT(m.edge_pools[0].federation = false), Status::fail, "topology"},
                 {"fail - a site routes federation to another pool",
                  EDIT(auto e2 = copy_pool(m.edge_pools[0], "edge2"); e2.federation = false;
                       m.edge_pools.push_back(e2);
                       m.sites.push_back(Site{"b", "Branch", "edge2", "", at(70)})),
                  Status::fail, "topology"},
                 {"skip - federation is not wanted", EDIT(no_federation(m)), Status::skip,
                  "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
