#include "checks/ports_live/federation_sip_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_federation_sip_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-07",
                 "The Access Edge can open TCP 5061 toward the Internet (federation, PIC, push)",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"FED", "PIC", "PUSH"},
                 {cite("PS-S1"), cite("PS-FED")},
                 "Allow TCP 5061 outbound from the Access Edge to Any"};
    spec.rule = "PORT-EXT-07";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
