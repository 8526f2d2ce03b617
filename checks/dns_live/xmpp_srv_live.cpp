#include "checks/dns_live/xmpp_srv_live.h"

#include "checks/citations.h"
#include "checks/dns_live/srv_record_check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_xmpp_srv_live_check() {
    SrvRecordSpec spec;
    spec.info = {
        "DNS-SRV-XMPP-01",
        "SRV _xmpp-server._tcp.<domain> points on port 5269 to xmpp.<domain>, which resolves to "
        "the Access Edge",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"XMPP"},
        {cite("DS-XMPP"), cite("DS-FED"), cite("SETUP-XMPP"), cite("DR-XMPP")},
        "Publish _xmpp-server._tcp.<domain> SRV 0 0 5269 xmpp.<domain> and the A record of its "
        "target"};
    spec.plan_rules = {"DNS-SRV-XMPP-01"};
    spec.not_applicable = "the plan has no XMPP federation";
    return std::make_unique<SrvRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
