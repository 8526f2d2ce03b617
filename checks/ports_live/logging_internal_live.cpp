#include "checks/ports_live/logging_internal_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_logging_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-INT-09",
                 "TCP 50001-50003 (Centralized Logging Service) reach the Edge internal interface",
                 "ports",
                 CheckKind::tcp,
                 Severity::should,
                 {"S1", "S2", "S3", "S4", "S5"},
                 {cite("PS-S1")},
                 "Allow TCP 50001, 50002 and 50003 from the internal network to the Edge internal "
                 "interface"};
    spec.rule = "PORT-INT-09";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
