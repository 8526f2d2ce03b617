#include "checks/ports_live/av_tcp_internal_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_tcp_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-INT-07",
                 "TCP 443 (STUN/MS-TURN over TCP) reaches the Edge internal interface",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"EXT"},
                 {cite("PS-S1"), cite("PS-S5")},
                 "Allow TCP 443 from Any internal to the Edge internal interface"};
    spec.rule = "PORT-INT-07";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
