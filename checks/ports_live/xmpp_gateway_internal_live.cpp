#include "checks/ports_live/xmpp_gateway_internal_live.h"

#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_gateway_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-INT-01",
        "TCP 23456 reaches each Edge member internal interface (XMPP gateway)",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"XMPP"},
        {{"PS-S1",
          "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"PS-XMPP",
          "lync-server-2013-port-summary-extensible-messaging-and-presence-protocol-xmpp-"
          "federation.md"},
         {"HLBREQ", "lync-server-2013-hardware-load-balancer-requirements.md"}},
        "Allow TCP 23456 from the XMPP gateway Front End servers to each Edge internal address"};
    spec.rule = "PORT-INT-01";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
