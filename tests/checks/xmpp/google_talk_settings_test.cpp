// XMPP-11: one row per outcome (docs/checks/XMPP-11.md).
#include "checks/xmpp/google_talk_settings.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(GoogleTalkSettingsCheck, OneRowPerOutcome) {
    run_rows(checks::GoogleTalkSettingsCheck(), "XMPP-11",
             {
                 {"pass - Google Talk reference settings", nullptr, Status::pass,
                  "xmpp-partner:gmail.com"},
                 {"warn - TLS Required for Google Talk",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::required;
                       x.sasl = Negotiation::not_supported; x.dialback = true),
                  Status::warn, "xmpp-partner:gmail.com"},
                 {"warn - Dialback off for Google Talk",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::not_supported;
                       x.sasl = Negotiation::not_supported; x.dialback = false),
                  Status::warn, "xmpp-partner:gmail.com"},
                 {"skip - no Google Talk partner",
                  EDIT(m.federation.xmpp_partners[0].domain = "jabber.example.org"), Status::skip,
                  "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
