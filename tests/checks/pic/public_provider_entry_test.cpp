// PIC-01: one row per outcome (docs/checks/PIC-01.md).
#include "checks/pic/public_provider_entry.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(PublicProviderEntryCheck, OneRowPerOutcome) {
    run_rows(
        checks::PublicProviderEntryCheck(), "PIC-01",
        {
            {"pass - Skype enabled with the Messenger FQDN",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                            "federation.messenger.msn.com")}),
             Status::pass, "provider:skype"},
            {"fail - Skype ProxyFqdn is not the Messenger FQDN",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                            "federation.example.com")}),
             Status::fail, "provider:skype"},
            {"fail - enabled provider without ProxyFqdn",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true)}),
             Status::fail, "provider:aol"},
            {"fail - policy allows public IM but no provider is enabled",
             EDIT(m.policies[0].public_im = true;
                  m.federation.public_providers = {provider(PublicProviderKind::skype, false)}),
             Status::fail, "topology"},
            {"skip - public IM is not used", nullptr, Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
