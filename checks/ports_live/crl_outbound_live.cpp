#include "checks/ports_live/crl_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_crl_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-EXT-03",   "The Access Edge can open TCP 80 toward the Internet (CRL checks)",
        "ports",         CheckKind::tcp,
        Severity::must,  {"S1", "S2", "S3", "S4", "S5"},
        {cite("PS-S1")}, "Allow TCP 80 outbound from the Access Edge to Any"};
    spec.rule = "PORT-EXT-03";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
