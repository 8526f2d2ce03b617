// PUSH-02: one row per outcome (docs/checks/PUSH-02.md).
#include "checks/push/push_hosting_provider.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PushHostingProviderCheck, OneRowPerOutcome) {
    run_rows(checks::PushHostingProviderCheck(), "PUSH-02",
             {
                 {"pass - Lync Online provider and push.lync.com", nullptr, Status::pass,
                  "partner:push.lync.com"},
                 {"fail - push.lync.com is not allowed", EDIT(m.federation.allowed.pop_back()),
                  Status::fail, "partner:push.lync.com"},
                 {"fail - Lync Online provider disabled",
                  EDIT(m.federation.hosting_providers[0].enabled = false), Status::fail,
                  "partner:push.lync.com"},
                 {"skip - federation settings not stated", EDIT(m.federation.stated = false),
                  Status::skip, "partner:push.lync.com", "unknown_input"},
                 {"skip - push use not stated", EDIT(m.sip_domains[0].mobile_push.reset()),
                  Status::skip, "partner:push.lync.com", "unknown_input"},
                 {"skip - no SIP domain uses push", EDIT(m.sip_domains[0].mobile_push = false),
                  Status::skip, "topology", "not_applicable"},
             });
}

}  // namespace edgeplan::testing
