#include "checks/ports_live/psom_internal_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_psom_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-INT-04",
                 "TCP 8057 (PSOM/MTLS) reaches each Edge member internal interface",
                 "ports",
                 CheckKind::tcp,
                 Severity::must,
                 {"EXT"},
                 {cite("PS-S1"), cite("HLBREQ")},
                 "Allow TCP 8057 from every Front End server to each Edge internal address"};
    spec.rule = "PORT-INT-04";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
