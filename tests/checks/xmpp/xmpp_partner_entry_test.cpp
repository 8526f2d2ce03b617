// XMPP-07: one row per outcome (docs/checks/XMPP-07.md).
#include "checks/xmpp/xmpp_partner_entry.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(XmppPartnerEntryCheck, OneRowPerOutcome) {
    run_rows(
        checks::XmppPartnerEntryCheck(), "XMPP-07",
        {
            {"pass - one entry per partner", nullptr, Status::pass, "xmpp-partner:gmail.com"},
            {"fail - partner listed twice",
             EDIT(m.federation.xmpp_partners.push_back(m.federation.xmpp_partners[0])),
             Status::fail, "xmpp-partner:gmail.com"},
            {"fail - additional domain repeats another primary domain",
             EDIT(auto x = m.federation.xmpp_partners[0]; x.domain = "googlemail.com";
                  x.additional_domains = {"gmail.com"}; m.federation.xmpp_partners.push_back(x)),
             Status::fail, "xmpp-partner:gmail.com"},
            {"fail - entry without a primary domain",
             EDIT(auto x = m.federation.xmpp_partners[0]; x.domain.clear();
                  m.federation.xmpp_partners.push_back(x)),
             Status::fail, "xmpp-partner:#2"},
            {"skip - no XMPP partner", EDIT(m.federation.xmpp_partners.clear()), Status::skip,
             "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
