// XMPP-10: one row per outcome (docs/checks/XMPP-10.md).
#include "checks/xmpp/dialback_with_tls_sasl.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(DialbackWithTlsSaslCheck, OneRowPerOutcome) {
    run_rows(checks::DialbackWithTlsSaslCheck(), "XMPP-10",
             {
                 {"pass - Dialback without TLS and SASL", nullptr, Status::pass,
                  "xmpp-partner:gmail.com"},
                 {"warn - Dialback with TLS and SASL Required",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::required;
                       x.sasl = Negotiation::required; x.dialback = true),
                  Status::warn, "xmpp-partner:gmail.com"},
                 {"pass - TLS and SASL Required without Dialback",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::required;
                       x.sasl = Negotiation::required; x.dialback = false),
                  Status::pass, "xmpp-partner:gmail.com"},
                 {"skip - no XMPP partner", EDIT(m.federation.xmpp_partners.clear()), Status::skip,
                  "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
