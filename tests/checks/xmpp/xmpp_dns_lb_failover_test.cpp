// XMPP-13: one row per outcome (docs/checks/XMPP-13.md).
#include "checks/xmpp/xmpp_dns_lb_failover.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(XmppDnsLbFailoverCheck, OneRowPerOutcome) {
    run_rows(
        checks::XmppDnsLbFailoverCheck(), "XMPP-13",
        {
            {"warn - XMPP route is DNS load-balanced", nullptr, Status::warn, "pool:edgepool"},
            {"pass - XMPP route is hardware load-balanced", nullptr, Status::pass, "pool:edgepool",
             "", s5_model},
            {"skip - XMPP not used", nullptr, Status::skip, "topology", "not_applicable", s1_model},
        });
}

}  // namespace edgeplan::testing
