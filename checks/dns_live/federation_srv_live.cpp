#include "checks/dns_live/federation_srv_live.h"

#include "checks/citations.h"
#include "checks/dns_live/srv_record_check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_federation_srv_live_check() {
    SrvRecordSpec spec;
    spec.info = {
        "DNS-SRV-FED-01",
        "SRV _sipfederationtls._tcp.<domain> points on port 5061 to the Access Edge FQDN, which "
        "resolves",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"FED-DISC"},
        {cite("DS-FED"), cite("PLAN-FED"), cite("SETUP-FED")},
        "Publish _sipfederationtls._tcp.<domain> SRV 0 0 5061 <Access Edge FQDN> and its A record"};
    spec.plan_rules = {"DNS-SRV-FED-01"};
    spec.not_applicable = "partner discovery is off or unknown, so the plan has no federation SRV";
    return std::make_unique<SrvRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
