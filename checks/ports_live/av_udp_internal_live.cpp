#include "checks/ports_live/av_udp_internal_live.h"

#include "checks/ports_live/stun_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_udp_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-INT-06",
        "UDP 3478 reaches the Edge internal interface (STUN/MS-TURN answers)",
        "ports",
        CheckKind::udp,
        Severity::must,
        {"EXT"},
        {{"PS-S1",
          "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"PS-S5",
          "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers."
          "md"}},
        "Allow UDP 3478 from Any internal to the Edge internal interface"};
    spec.rule = "PORT-INT-06";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<StunRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
