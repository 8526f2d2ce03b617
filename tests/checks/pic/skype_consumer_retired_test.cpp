// PIC-09: one row per outcome (docs/checks/PIC-09.md), --now before and after 5 May 2025.
#include "checks/pic/skype_consumer_retired.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(SkypeConsumerRetiredCheck, OneRowPerOutcome) {
    using checks::utc_date;
    run_rows(
        checks::SkypeConsumerRetiredCheck(), "PIC-09",
        {
            {"warn - Skype enabled on 5 May 2025",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                            "federation.messenger.msn.com")}),
             Status::warn, "provider:skype", "", s4_model, utc_date(2025, 5, 5)},
            {"pass - Skype enabled on 4 May 2025, its last day",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true,
                                                            "federation.messenger.msn.com")}),
             Status::pass, "provider:skype", "", s4_model, utc_date(2025, 5, 4)},
            {"warn - Windows Live enabled after the retirement",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::windows_live, true,
                                                            "federation.messenger.msn.com")}),
             Status::warn, "provider:windowsLive", "", s4_model, utc_date(2026, 1, 1)},
            {"pass - Skype entry disabled",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, false)}),
             Status::pass, "provider:skype", "", s4_model, utc_date(2026, 1, 1)},
            {"skip - no Skype or Windows Live entry",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true)}),
             Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
