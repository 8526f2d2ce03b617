#include "checks/dns_live/push_srv_live.h"

#include "checks/citations.h"
#include "checks/dns_live/srv_record_check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_push_srv_live_check() {
    SrvRecordSpec spec;
    spec.info = {
        "DNS-SRV-FED-02",
        "SRV _sipfederationtls._tcp.<domain> exists for every SIP domain whose mobile clients use "
        "push",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"PUSH"},
        {cite("DS-FED"), cite("PUSH")},
        "Publish _sipfederationtls._tcp.<domain> SRV 0 0 5061 <Access Edge FQDN> for each push "
        "domain"};
    spec.plan_rules = {"DNS-SRV-FED-02"};
    spec.not_applicable = "no SIP domain needs the SRV only for push notifications";
    return std::make_unique<SrvRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
