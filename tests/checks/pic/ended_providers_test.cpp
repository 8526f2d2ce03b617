// PIC-08: one row per outcome (docs/checks/PIC-08.md).
#include "checks/pic/ended_providers.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(EndedProvidersCheck, OneRowPerOutcome) {
    run_rows(
        checks::EndedProvidersCheck(), "PIC-08",
        {
            {"warn - AOL enabled after 30 June 2014",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                            "sip.oscar.aol.com")}),
             Status::warn, "provider:aol"},
            {"pass - AOL enabled before its service ended",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::aol, true,
                                                            "sip.oscar.aol.com")}),
             Status::pass, "provider:aol", "", s4_model, checks::utc_date(2014, 6, 30)},
            {"warn - Yahoo! enabled on 1 July 2014",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::yahoo, true, "y")}),
             Status::warn, "provider:yahoo", "", s4_model, checks::utc_date(2014, 7, 1)},
            {"pass - Yahoo! entry disabled",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::yahoo, false)}),
             Status::pass, "provider:yahoo"},
            {"skip - no AOL or Yahoo! entry",
             EDIT(m.federation.public_providers = {provider(PublicProviderKind::skype, true)}),
             Status::skip, "topology", "not_applicable"},
        });
}

}  // namespace edgeplan::testing
