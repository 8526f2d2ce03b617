#include "checks/ports_live/xmpp_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-02",
                 "The Access Edge can open TCP 5269 toward the Internet (XMPP partners)",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"XMPP"},
                 {cite("PS-XMPP"), cite("PS-FED")},
                 "Allow TCP 5269 outbound from the Access Edge to Any"};
    spec.rule = "PORT-EXT-02";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
