// CERT-EXT-05: one row per outcome (docs/checks/CERT-EXT-05.md).
#include "checks/certificates/sip_domains_in_san.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SipDomainsInSanCheck, OneRowPerOutcome) {
    run_rows(
        checks::SipDomainsInSanCheck(), "CERT-EXT-05",
        {
            {"pass - sip.<domain> for both SIP domains", nullptr, Status::pass,
             "cert:edgepool/external"},
            {"fail - sip.fabrikam.com missing",
             EDIT(m.edge_pools[0].certificates[0].sans = {"sip.contoso.com", "webcon.contoso.com"}),
             Status::fail, "cert:edgepool/external"},
            {"skip - neither auto-configuration nor federation",
             EDIT(no_federation(m); for (auto& d
                                         : m.sip_domains) d.dns_autoconfiguration = false),
             Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
