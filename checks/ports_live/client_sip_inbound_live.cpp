#include "checks/ports_live/client_sip_inbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_client_sip_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-05",
                 "TCP 443 (client SIP/TLS) from the Internet reaches the Access Edge",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"EXT"},
                 {cite("PS-S1"), cite("PS-S2"), cite("PS-S5"), cite("PS-FED")},
                 "Allow TCP 443 inbound from Any to the Access Edge external address"};
    spec.rule = "PORT-EXT-05";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
