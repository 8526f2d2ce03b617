// CERT-EXT-18: one row per outcome (docs/checks/CERT-EXT-18.md).
#include "checks/certificates/certificate_names_match_dns.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(CertificateNamesMatchDnsCheck, OneRowPerOutcome) {
    run_rows(checks::CertificateNamesMatchDnsCheck(), "CERT-EXT-18",
             {
                 {"pass - plan DNS names are on the certificate",
                  EDIT(p.dns.push_back(record(DnsRecordType::a, "sip.contoso.com", "131.107.155.10",
                                              "DNS-A-EXT-01"))),
                  Status::pass, "cert:edgepool/external"},
                 {"fail - plan Access DNS name not in the SAN list",
                  EDIT(p.dns.push_back(record(DnsRecordType::a, "sipexternal.contoso.com",
                                              "131.107.155.10", "DNS-A-EXT-01"))),
                  Status::fail, "cert:edgepool/external"},
                 {"fail - underscore in a SAN",
                  EDIT(m.edge_pools[0].certificates[0].sans.push_back("sip_x.contoso.com")),
                  Status::fail, "cert:edgepool/external"},
                 {"pass - A/V DNS name need not be on the certificate",
                  EDIT(p.dns.push_back(record(DnsRecordType::a, "av.contoso.com", "131.107.155.30",
                                              "DNS-A-EXT-03"))),
                  Status::pass, "cert:edgepool/external"},
             });
}

}  // namespace edgeplan::testing
