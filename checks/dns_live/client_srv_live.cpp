#include "checks/dns_live/client_srv_live.h"

#include "checks/citations.h"
#include "checks/dns_live/srv_record_check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_client_srv_live_check() {
    SrvRecordSpec spec;
    spec.info = {
        "DNS-SRV-CLI-01",
        "SRV _sip._tls.<domain> points on the Access Edge client port to the Access Edge FQDN, "
        "which resolves",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"AUTO"},
        {cite("DS-S1"), cite("DS-S2"), cite("DS-S3"), cite("DS-S4"), cite("DS-S5"), cite("DNSREQ")},
        "Publish _sip._tls.<domain> SRV 0 0 <client port> sip.<domain> and the A record of its "
        "target"};
    spec.plan_rules = {"DNS-SRV-CLI-01"};
    spec.not_applicable = "no SIP domain uses DNS automatic configuration";
    return std::make_unique<SrvRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
