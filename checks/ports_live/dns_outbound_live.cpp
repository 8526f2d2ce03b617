#include "checks/ports_live/dns_outbound_live.h"

#include "checks/citations.h"
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_dns_outbound_live_check() {
    PortRuleSpec spec;
    spec.info = {"PORT-EXT-04",   "The Access Edge can open TCP 53 toward the Internet (DNS)",
                 "ports",         CheckKind::tcp,
                 Severity::must,  {"S1", "S2", "S3", "S4", "S5"},
                 {cite("PS-S1")}, "Allow TCP and UDP 53 outbound from the Access Edge to Any"};
    spec.rule = "PORT-EXT-04";
    spec.mode = PortProbeMode::outbound_edge;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
