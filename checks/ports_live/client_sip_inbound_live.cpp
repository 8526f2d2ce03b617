#include "checks/ports_live/client_sip_inbound_live.h"

#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_client_sip_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-EXT-05",
        "TCP 443 (client SIP/TLS) from the Internet reaches the Access Edge",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"EXT"},
        {{"PS-S1",
          "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"PS-S2",
          "lync-server-2013-port-summary-single-consolidated-edge-with-private-ip-addresses-using-"
          "nat.md"},
         {"PS-S5",
          "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers.md"},
         {"PS-FED",
          "lync-server-2013-port-summary-sip-xmpp-federation-and-public-instant-messaging.md"}},
        "Allow TCP 443 inbound from Any to the Access Edge external address"};
    spec.rule = "PORT-EXT-05";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
