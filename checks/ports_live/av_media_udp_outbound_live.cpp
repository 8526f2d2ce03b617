#include "checks/ports_live/av_media_udp_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_media_udp_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-10",
                 "The A/V Edge can send UDP 50000-59999 toward the Internet",
                 "ports",
                 CheckKind::udp,
                 Severity::must,
                 {"FED-OCS2007"},
                 {cite("PS-S1"), cite("AVFW")},
                 "Allow UDP 50000-59999 outbound from the A/V Edge to Any (OCS 2007 partners)"};
    spec.rule = "PORT-EXT-10";
    spec.mode = PortProbeMode::outbound_edge;
    spec.transport = topology::Transport::udp;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
