// XMPP-09: one row per outcome (docs/checks/XMPP-09.md).
#include "checks/xmpp/sasl_needs_tls.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SaslNeedsTlsCheck, OneRowPerOutcome) {
    run_rows(checks::SaslNeedsTlsCheck(), "XMPP-09",
             {
                 {"pass - neither TLS nor SASL", nullptr, Status::pass, "xmpp-partner:gmail.com"},
                 {"fail - SASL Required with TLS NotSupported",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::not_supported;
                       x.sasl = Negotiation::required; x.dialback = true),
                  Status::fail, "xmpp-partner:gmail.com"},
                 {"warn - SASL Optional with TLS Optional",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::optional;
                       x.sasl = Negotiation::optional; x.dialback = true),
                  Status::warn, "xmpp-partner:gmail.com"},
                 {"pass - SASL Optional with TLS Required",
                  EDIT(auto& x = m.federation.xmpp_partners[0]; x.tls = Negotiation::required;
                       x.sasl = Negotiation::optional; x.dialback = true),
                  Status::pass, "xmpp-partner:gmail.com"},
                 {"skip - no XMPP partner", EDIT(m.federation.xmpp_partners.clear()), Status::skip,
                  "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
