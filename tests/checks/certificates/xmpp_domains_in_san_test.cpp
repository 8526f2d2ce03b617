// CERT-XMPP-01: one row per outcome (docs/checks/CERT-XMPP-01.md).
#include "checks/certificates/xmpp_domains_in_san.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(XmppDomainsInSanCheck, OneRowPerOutcome) {
    run_rows(
        checks::XmppDomainsInSanCheck(), "CERT-XMPP-01",
        {
            {"pass - XMPP domain on the SAN list", nullptr, Status::pass, "cert:edgepool/external"},
            {"fail - XMPP domain missing",
             EDIT(m.edge_pools[0].certificates[0].sans = {"sip.contoso.com", "webcon.contoso.com",
                                                          "sip.fabrikam.com", "xmpp.contoso.com"}),
             Status::fail, "cert:edgepool/external"},
            {"pass - root domain covers a child XMPP domain",
             EDIT(m.xmpp_domains = {XmppDomain{"corp.contoso.com", at(14)}}), Status::pass,
             "cert:edgepool/external"},
            {"skip - no XMPP domain stated", EDIT(m.xmpp_domains.clear()), Status::skip,
             "cert:edgepool/external", "unknown_input"},
            {"skip - XMPP not used", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
