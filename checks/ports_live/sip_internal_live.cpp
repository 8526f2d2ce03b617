#include "checks/ports_live/sip_internal_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_sip_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-INT-02",
        "TCP 5061 (SIP/MTLS) from the next hop reaches the Edge internal interface",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("PS-S1"), cite("PS-S5")},
        "Allow TCP 5061 from the Director or Front End pool to the Edge internal interface"};
    spec.rule = "PORT-INT-02";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
