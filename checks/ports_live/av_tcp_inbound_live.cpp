#include "checks/ports_live/av_tcp_inbound_live.h"

#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_tcp_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-EXT-13",
        "TCP 443 (STUN/MS-TURN over TCP) from the Internet reaches the A/V Edge",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"EXT", "FED"},
        {{"PS-S1",
          "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"PS-S2",
          "lync-server-2013-port-summary-single-consolidated-edge-with-private-ip-addresses-using-"
          "nat.md"},
         {"PS-S5",
          "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers.md"},
         {"AVFW", "lync-server-2013-determine-external-a-v-firewall-and-port-requirements.md"}},
        "Allow TCP 443 inbound from Any to the A/V Edge external (public) address"};
    spec.rule = "PORT-EXT-13";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
