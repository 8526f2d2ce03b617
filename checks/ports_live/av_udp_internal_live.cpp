#include "checks/ports_live/av_udp_internal_live.h"

#include "checks/citations.h"
#include "checks/ports_live/stun_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_udp_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-INT-06",
                 "UDP 3478 reaches the Edge internal interface (STUN/MS-TURN answers)",
                 "ports",
                 CheckKind::udp,
                 Severity::must,
                 {"EXT"},
                 {cite("PS-S1"), cite("PS-S5")},
                 "Allow UDP 3478 from Any internal to the Edge internal interface"};
    spec.rule = "PORT-INT-06";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<StunRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
