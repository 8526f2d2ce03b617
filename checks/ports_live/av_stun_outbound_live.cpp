#include "checks/ports_live/av_stun_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_stun_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-11",
                 "The A/V Edge can send UDP 3478 toward the Internet",
                 "ports",
                 CheckKind::udp,
                 Severity::must,
                 {"FED", "PIC-WLM"},
                 {cite("PS-S1"), cite("AVFW")},
                 "Allow UDP 3478 outbound from the A/V Edge to Any"};
    spec.rule = "PORT-EXT-11";
    spec.mode = PortProbeMode::outbound_edge;
    spec.transport = topology::Transport::udp;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
