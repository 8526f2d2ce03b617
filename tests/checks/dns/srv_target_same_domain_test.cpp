// DNS-SRV-GEN-01: one row per outcome (docs/checks/DNS-SRV-GEN-01.md).
#include "checks/dns/srv_target_same_domain.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SrvTargetSameDomainCheck, OneRowPerOutcome) {
    run_rows(
        checks::SrvTargetSameDomainCheck(), "DNS-SRV-GEN-01",
        {
            {"pass - SRV targets a host in its own domain",
             EDIT(p.dns.push_back(
                 record(DnsRecordType::srv, "_sip._tls.contoso.com", "sip.contoso.com"))),
             Status::pass, "domain:contoso.com"},
            {"fail - SRV in fabrikam.com targets contoso.com",
             EDIT(p.dns.push_back(
                 record(DnsRecordType::srv, "_sip._tls.fabrikam.com", "sip.contoso.com"))),
             Status::fail, "domain:fabrikam.com"},
            {"fail - target only ends with the domain's letters",
             EDIT(p.dns.push_back(record(DnsRecordType::srv, "_sipfederationtls._tcp.contoso.com",
                                         "sip.notcontoso.com"))),
             Status::fail, "domain:contoso.com"},
            {"skip - the plan has no SRV record",
             EDIT(p.dns.push_back(record(DnsRecordType::a, "sip.contoso.com", "131.107.155.10"))),
             Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
