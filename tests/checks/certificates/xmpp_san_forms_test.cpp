// CERT-XMPP-03: one row per outcome (docs/checks/CERT-XMPP-03.md).
#include "checks/certificates/xmpp_san_forms.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(XmppSanFormsCheck, OneRowPerOutcome) {
    run_rows(
        checks::XmppSanFormsCheck(), "CERT-XMPP-03",
        {
            {"pass - xmpp.<domain> listed, no wildcard", nullptr, Status::pass,
             "cert:edgepool/external"},
            {"warn - xmpp.<domain> missing", EDIT(m.edge_pools[0].certificates[0].sans.pop_back()),
             Status::warn, "cert:edgepool/external"},
            {"warn - wildcard SAN",
             EDIT(m.edge_pools[0].certificates[0].sans.push_back("*.contoso.com")), Status::warn,
             "cert:edgepool/external"},
            {"skip - XMPP not used", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
