#include "checks/ports_live/xmpp_inbound_live.h"

#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_inbound_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-EXT-01",
        "TCP 5269 from the Internet reaches the XMPP proxy on the Access Edge",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"XMPP"},
        {{"PS-S1",
          "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"PS-XMPP",
          "lync-server-2013-port-summary-extensible-messaging-and-presence-protocol-xmpp-"
          "federation.md"},
         {"PS-FED",
          "lync-server-2013-port-summary-sip-xmpp-federation-and-public-instant-messaging.md"}},
        "Allow TCP 5269 inbound from Any to the Access Edge external address"};
    spec.rule = "PORT-EXT-01";
    spec.mode = PortProbeMode::inbound_external;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
