#include "checks/ports_live/federation_sip_outbound_live.h"

#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_federation_sip_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-EXT-07",
        "The Access Edge can open TCP 5061 toward the Internet (federation, PIC, push)",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"FED", "PIC", "PUSH"},
        {{"PS-S1",
          "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"PS-FED",
          "lync-server-2013-port-summary-sip-xmpp-federation-and-public-instant-messaging.md"}},
        "Allow TCP 5061 outbound from the Access Edge to Any"};
    spec.rule = "PORT-EXT-07";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
