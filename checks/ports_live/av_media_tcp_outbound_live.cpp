#include "checks/ports_live/av_media_tcp_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_media_tcp_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-09",
                 "The A/V Edge can open TCP 50000-59999 toward the Internet",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"FED", "PIC-WLM"},
                 {cite("PS-S1"), cite("AVFW")},
                 "Allow TCP 50000-59999 outbound from the A/V Edge to Any"};
    spec.rule = "PORT-EXT-09";
    spec.mode = PortProbeMode::outbound_edge;
    spec.transport = topology::Transport::tcp;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
