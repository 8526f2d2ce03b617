// FED-04: one row per outcome (docs/checks/FED-04.md).
#include "checks/federation/discovery_needs_srv_routing.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(DiscoveryNeedsSrvRoutingCheck, OneRowPerOutcome) {
    run_rows(
        checks::DiscoveryNeedsSrvRoutingCheck(), "FED-04",
        {
            {"pass - discovery with DNS SRV routing", nullptr, Status::pass, "topology"},
            {"fail - discovery with a default route",
             EDIT(m.federation.routing = RoutingMethod::default_route), Status::fail, "topology"},
            {"skip - routing method not stated", EDIT(m.federation.routing.reset()), Status::skip,
             "topology", "unknown_input"},
            {"skip - discovery is off", EDIT(m.federation.partner_discovery = false), Status::skip,
             "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
