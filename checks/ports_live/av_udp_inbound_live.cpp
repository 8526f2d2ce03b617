#include "checks/ports_live/av_udp_inbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/stun_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_udp_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-12",
                 "UDP 3478 from the Internet reaches the A/V Edge (STUN/MS-TURN answers)",
                 "ports",
                 CheckKind::udp,
                 Severity::must,
                 {"EXT", "FED", "PIC-WLM"},
                 {cite("PS-S1"), cite("PS-S2"), cite("PS-S5"), cite("AVFW")},
                 "Allow UDP 3478 inbound from Any to the A/V Edge external (public) address"};
    spec.rule = "PORT-EXT-12";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<StunRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
