// PUSH-04: one row per outcome (docs/checks/PUSH-04.md).
#include "checks/push/push_outbound_sip.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PushOutboundSipCheck, OneRowPerOutcome) {
    run_rows(
        checks::PushOutboundSipCheck(), "PUSH-04",
        {
            {"pass - plan opens outbound TCP 5061",
             EDIT(FirewallRule r; r.side = FirewallSide::external;
                  r.direction = Direction::outbound; r.port_from = r.port_to = 5061;
                  r.pool_id = "edgepool"; p.firewall.push_back(r)),
             Status::pass, "pool:edgepool"},
            {"fail - plan opens only inbound TCP 5061",
             EDIT(FirewallRule r; r.side = FirewallSide::external; r.direction = Direction::inbound;
                  r.port_from = r.port_to = 5061; r.pool_id = "edgepool"; p.firewall.push_back(r)),
             Status::fail, "pool:edgepool"},
            {"fail - no pool carries federation",
             EDIT(m.edge_pools[0].federation = false; m.sites[0].federation_route.clear()),
             Status::fail, "topology"},
            {"skip - no SIP domain uses push", EDIT(m.sip_domains[0].mobile_push = false),
             Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
