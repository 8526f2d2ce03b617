#include "checks/ports_live/webconf_inbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_webconf_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-08",
                 "TCP 443 (PSOM/TLS) from the Internet reaches the Web Conferencing Edge",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"EXT"},
                 {cite("PS-S1"), cite("PS-S2"), cite("PS-S5")},
                 "Allow TCP 443 inbound from Any to the Web Conferencing Edge external address"};
    spec.rule = "PORT-EXT-08";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
