// XMPP-01: one row per outcome (docs/checks/XMPP-01.md).
#include "checks/xmpp/supported_xmpp_partner.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SupportedXmppPartnerCheck, OneRowPerOutcome) {
    run_rows(checks::SupportedXmppPartnerCheck(), "XMPP-01",
             {
                 {"pass - Google Talk partner", nullptr, Status::pass, "xmpp-partner:gmail.com"},
                 {"warn - other XMPP server",
                  EDIT(m.federation.xmpp_partners[0].domain = "jabber.example.org"), Status::warn,
                  "xmpp-partner:jabber.example.org"},
                 {"skip - no XMPP partner", EDIT(m.federation.xmpp_partners.clear()), Status::skip,
                  "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
