#include "checks/ports_live/xmpp_inbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-01",
                 "TCP 5269 from the Internet reaches the XMPP proxy on the Access Edge",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"XMPP"},
                 {cite("PS-S1"), cite("PS-XMPP"), cite("PS-FED")},
                 "Allow TCP 5269 inbound from Any to the Access Edge external address"};
    spec.rule = "PORT-EXT-01";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
