// XMPP-04: one row per outcome (docs/checks/XMPP-04.md).
#include "checks/xmpp/single_xmpp_route.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SingleXmppRouteCheck, OneRowPerOutcome) {
    run_rows(
        checks::SingleXmppRouteCheck(), "XMPP-04",
        {
            {"pass - one route to an XMPP-enabled pool", nullptr, Status::pass, "topology"},
            {"fail - route pool does not enable XMPP", EDIT(m.edge_pools[0].xmpp = false),
             Status::fail, "topology"},
            {"fail - no site names an XMPP route", EDIT(m.sites[0].xmpp_federation_route.clear()),
             Status::fail, "topology"},
            {"fail - two sites route XMPP to different pools",
             EDIT(m.edge_pools.push_back(copy_pool(m.edge_pools[0], "edge2"));
                  m.sites.push_back(Site{"b", "Branch", "", "edge2", at(70)})),
             Status::fail, "topology"},
            {"skip - a Lync export does not record the route",
             EDIT(m.sites[0].xmpp_federation_route.clear();
                  m.format = TopologyFormat::lync_published),
             Status::skip, "topology", "unknown_input"},
            {"skip - XMPP not used", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
