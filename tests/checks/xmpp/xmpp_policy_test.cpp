// XMPP-06: one row per outcome (docs/checks/XMPP-06.md).
#include "checks/xmpp/xmpp_policy.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(XmppPolicyCheck, OneRowPerOutcome) {
    run_rows(
        checks::XmppPolicyCheck(), "XMPP-06",
        {
            {"pass - Global policy enables XMPP", nullptr, Status::pass, "policy:Global"},
            {"fail - no policy enables XMPP", EDIT(m.policies[0].xmpp = false), Status::fail,
             "topology"},
            {"fail - federation disabled", EDIT(m.federation.enabled = false), Status::fail,
             "topology"},
            {"skip - policies not stated", EDIT(m.policies.clear()), Status::skip, "topology",
             "unknown_input"},
            {"skip - XMPP not used", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
