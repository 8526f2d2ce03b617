#include "checks/ports_live/mras_internal_live.h"

#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_mras_internal_live_check() {
    PortRuleSpec spec;
    spec.info = {
        "PORT-INT-05",
        "TCP 5062 (MRAS) reaches the Edge internal interface",
        "ports",
        CheckKind::tcp,
        Severity::must,
        {"EXT"},
        {{"PS-S1",
          "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"PS-S5",
          "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers."
          "md"}},
        "Allow TCP 5062 from the Front End pools and SBAs to the Edge internal interface"};
    spec.rule = "PORT-INT-05";
    spec.mode = PortProbeMode::inbound_internal;
    return std::make_unique<PortRuleCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::ports_live
