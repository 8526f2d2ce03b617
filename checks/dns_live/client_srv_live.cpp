#include "checks/dns_live/client_srv_live.h"

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
        {{"DS-S1",
          "lync-server-2013-dns-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"DS-S2",
          "lync-server-2013-dns-summary-single-consolidated-edge-with-private-ip-addresses-using-"
          "nat.md"},
         {"DS-S3",
          "lync-server-2013-dns-summary-scaled-consolidated-edge-dns-load-balancing-with-public-ip-"
          "addresses.md"},
         {"DS-S4",
          "lync-server-2013-dns-summary-scaled-consolidated-edge-dns-load-balancing-with-private-"
          "ip-addresses-using-nat.md"},
         {"DS-S5",
          "lync-server-2013-dns-summary-scaled-consolidated-edge-with-hardware-load-balancers.md"},
         {"DNSREQ", "lync-server-2013-determine-dns-requirements.md"}},
        "Publish _sip._tls.<domain> SRV 0 0 <client port> sip.<domain> and the A record of its "
        "target"};
    spec.plan_rules = {"DNS-SRV-CLI-01"};
    spec.not_applicable = "no SIP domain uses DNS automatic configuration";
    return std::make_unique<SrvRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
