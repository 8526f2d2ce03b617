#include "checks/ports_live/sip_internal_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_sip_internal_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-INT-03",
        "The Edge internal interface can open TCP 5061 toward the next hop",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("PS-S1"), cite("PS-S5")},
        "Allow TCP 5061 from the Edge internal interface to the Director or Front End pool"};
    spec.rule = "PORT-INT-03";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
