// PIC-02: one row per outcome (docs/checks/PIC-02.md).
#include "checks/pic/public_im_policy.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PublicImPolicyCheck, OneRowPerOutcome) {
    run_rows(checks::PublicImPolicyCheck(), "PIC-02",
             {
                 {"pass - Global policy enables public IM",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                                 "federation.messenger.msn.com")};
                       m.policies[0].public_im = true),
                  Status::pass, "policy:Global"},
                 {"fail - no policy enables public IM",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                                 "federation.messenger.msn.com")}),
                  Status::fail, "topology"},
                 {"fail - federation is disabled",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                                 "federation.messenger.msn.com")};
                       m.policies[0].public_im = true; m.federation.enabled = false),
                  Status::fail, "topology"},
                 {"skip - policies not stated",
                  EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                                 "federation.messenger.msn.com")};
                       m.policies.clear()),
                  Status::skip, "topology", "unknown_input"},
                 {"skip - no public provider enabled", nullptr, Status::skip, "topology",
                  "not_applicable"},
             });
}

}  // namespace edgeplan::testing
