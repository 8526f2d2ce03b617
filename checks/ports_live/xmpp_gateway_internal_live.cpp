#include "checks/ports_live/xmpp_gateway_internal_live.h"

#include "checks/citations.h"
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
        {cite("PS-S1"), cite("PS-XMPP"), cite("HLBREQ")},
        "Allow TCP 23456 from the XMPP gateway Front End servers to each Edge internal address"};
    spec.rule = "PORT-INT-01";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
