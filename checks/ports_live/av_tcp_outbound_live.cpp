#include "checks/ports_live/av_tcp_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_tcp_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-14",
                 "The A/V Edge can open TCP 443 toward the Internet",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"FED"},
                 {cite("PS-S1"), cite("AVFW")},
                 "Allow TCP 443 outbound from the A/V Edge to Any"};
    spec.rule = "PORT-EXT-14";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
