// XMPP-08: one row per outcome (docs/checks/XMPP-08.md).
#include "checks/xmpp/xmpp_negotiation_combination.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(XmppNegotiationCombinationCheck, OneRowPerOutcome) {
    run_rows(checks::XmppNegotiationCombinationCheck(), "XMPP-08",
             {
                 {"pass - TLS and SASL NotSupported with Dialback", nullptr, Status::pass,
                  "xmpp-partner:gmail.com"},
                 {"fail - TLS NotSupported, SASL Required, no Dialback",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::not_supported;
                       x.sasl = Negotiation::required; x.dialback = false),
                  Status::fail, "xmpp-partner:gmail.com"},
                 {"fail - TLS Required, SASL NotSupported, no Dialback",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::required;
                       x.sasl = Negotiation::not_supported; x.dialback = false),
                  Status::fail, "xmpp-partner:gmail.com"},
                 {"fail - TLS and SASL NotSupported, no Dialback",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::not_supported;
                       x.sasl = Negotiation::not_supported; x.dialback = false),
                  Status::fail, "xmpp-partner:gmail.com"},
                 {"pass - TLS and SASL Required, no Dialback",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::required;
                       x.sasl = Negotiation::required; x.dialback = false),
                  Status::pass, "xmpp-partner:gmail.com"},
                 {"skip - no XMPP partner", EDIT(m.federation.xmpp_partners.clear()), Status::skip,
                  "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
