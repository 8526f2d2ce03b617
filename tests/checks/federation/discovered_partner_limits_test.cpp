// FED-05: one row per outcome (docs/checks/FED-05.md).
#include "checks/federation/discovered_partner_limits.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(DiscoveredPartnerLimitsCheck, OneRowPerOutcome) {
    run_rows(
        checks::DiscoveredPartnerLimitsCheck(), "FED-05",
        {
            {"warn - partner discovery is on", nullptr, Status::warn, "topology"},
            {"skip - partner discovery is off", EDIT(m.federation.partner_discovery = false),
             Status::skip, "topology", "not_applicable"},
            {"skip - partner discovery not stated", EDIT(m.federation.partner_discovery.reset()),
             Status::skip, "topology", "unknown_input"},
        });
}

}  // namespace edgeplan::testing
