#include "checks/ports_live/av_tcp_inbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_tcp_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-13",
                 "TCP 443 (STUN/MS-TURN over TCP) from the Internet reaches the A/V Edge",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"EXT", "FED"},
                 {cite("PS-S1"), cite("PS-S2"), cite("PS-S5"), cite("AVFW")},
                 "Allow TCP 443 inbound from Any to the A/V Edge external (public) address"};
    spec.rule = "PORT-EXT-13";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
