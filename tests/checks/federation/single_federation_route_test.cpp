// FED-01: one row per outcome (docs/checks/FED-01.md).
#include "checks/federation/single_federation_route.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {
namespace {

// A second site with its own federation-enabled Edge pool (the Lync Server 2013 multi-site
// topology: an Edge pool in each site, each with its external 5061).
void second_site(Model& m, const std::string& hq_route, const std::string& branch_route) {
    EdgePool e2 = copy_pool(m.edge_pools[0], "edge2");
    e2.site_id = "b";
    m.edge_pools.push_back(e2);
    m.sites[0].federation_route = hq_route;
    m.sites.push_back(Site{"b", "Branch", branch_route, "", at(70)});
}

}  // namespace

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
                 {"pass - one federation pool per site, each site routes through its own",
                  EDIT(second_site(m, "edgepool", "edge2")), Status::pass, "site:b"},
                 {"pass - one federation pool per site, both sites route through one",
                  EDIT(second_site(m, "edgepool", "edgepool")), Status::pass, "site:b"},
                 {"skip - federation pools in two sites, the site routes not stated",
                  EDIT(second_site(m, "", "")), Status::skip, "topology", "unknown_input"},
                 {"fail - two federation pools in one site of a multi-site topology",
                  EDIT(second_site(m, "edgepool", "edge2");
                       m.edge_pools.push_back(copy_pool(m.edge_pools[0], "edge3"))),
                  Status::fail, "site:hq"},
                 {"fail - a site routes federation through a pool without federation",
                  EDIT(second_site(m, "edgepool", "edge2");
                       auto e3 = copy_pool(m.edge_pools[0], "edge3"); e3.federation = false;
                       e3.site_id = "b"; m.edge_pools.push_back(e3);
                       m.sites[1].federation_route = "edge3"),
                  Status::fail, "site:b"},
             });
}

}  // namespace edgeplan::testing
