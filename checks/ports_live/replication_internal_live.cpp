#include "checks/ports_live/replication_internal_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_replication_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-INT-08",
        "TCP 4443 (CMS replication) reaches the Edge internal interface",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("PS-S1")},
        "Allow TCP 4443 from the Central Management store pool to the Edge internal interface"};
    spec.rule = "PORT-INT-08";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
