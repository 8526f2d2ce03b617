#include "checks/ports_live/mras_internal_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_mras_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-INT-05",
                 "TCP 5062 (MRAS) reaches the Edge internal interface",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"EXT"},
                 {cite("PS-S1"), cite("PS-S5")},
                 "Allow TCP 5062 from the Front End pools and SBAs to the Edge internal interface"};
    spec.rule = "PORT-INT-05";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
