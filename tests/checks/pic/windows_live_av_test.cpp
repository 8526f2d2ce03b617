// PIC-04: one row per outcome (docs/checks/PIC-04.md).
#include "checks/pic/windows_live_av.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(WindowsLiveAvCheck, OneRowPerOutcome) {
    run_rows(
        checks::WindowsLiveAvCheck(), "PIC-04",
        {
            {"pass - SupportEncryption and public A/V policy",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::windows_live, true,
                                                            "federation.messenger.msn.com")};
                  m.media_encryption = EncryptionLevel::support; m.policies[0].public_av = true),
             Status::pass, "topology"},
            {"fail - RequireEncryption blocks Windows Live A/V",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::windows_live, true,
                                                            "federation.messenger.msn.com")};
                  m.policies[0].public_av = true),
             Status::fail, "topology"},
            {"fail - no policy enables public A/V",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::windows_live, true,
                                                            "federation.messenger.msn.com")};
                  m.media_encryption = EncryptionLevel::support),
             Status::fail, "topology"},
            {"skip - encryption level not stated",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::windows_live, true,
                                                            "federation.messenger.msn.com")};
                  m.media_encryption.reset()),
             Status::skip, "topology", "unknown_input"},
            {"skip - Windows Live not enabled", nullptr, Status::skip, "topology",
             "not_applicable"},
        });
}

}  // namespace edgeplan::testing
