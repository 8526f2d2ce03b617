#include "checks/ports_live/xmpp_outbound_live.h"

#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-EXT-02",
        "The Access Edge can open TCP 5269 toward the Internet (XMPP partners)",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"XMPP"},
        {{"PS-XMPP",
          "lync-server-2013-port-summary-extensible-messaging-and-presence-protocol-xmpp-"
          "federation.md"},
         {"PS-FED",
          "lync-server-2013-port-summary-sip-xmpp-federation-and-public-instant-messaging.md"}},
        "Allow TCP 5269 outbound from the Access Edge to Any"};
    spec.rule = "PORT-EXT-02";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
