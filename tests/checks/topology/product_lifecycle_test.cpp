// TOPO-14: one row per outcome (docs/checks/TOPO-14.md), --now before and after each end date.
#include "checks/topology/product_lifecycle.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {

TEST(ProductLifecycleCheck, OneRowPerOutcome) {
    using checks::utc_date;
    run_rows(checks::ProductLifecycleCheck(), "TOPO-14",
             {
                 {"pass - Skype for Business Server 2019 before its end date",
                  EDIT(m.service_version = "8"), Status::pass, "topology"},
                 {"pass - Skype for Business Server 2015 on its last day of support",
                  EDIT(m.service_version = "7"), Status::pass, "topology", "", s4_model,
                  utc_date(2025, 10, 14)},
                 {"warn - Skype for Business Server 2015 the day after its end date",
                  EDIT(m.service_version = "7"), Status::warn, "topology", "", s4_model,
                  utc_date(2025, 10, 15)},
                 {"warn - Skype for Business Server 2019 after 14 October 2025",
                  EDIT(m.service_version = "8"), Status::warn, "topology", "", s4_model,
                  utc_date(2026, 12, 3)},
                 {"pass - Lync Server 2013 on 11 April 2023", EDIT(m.service_version = "6"),
                  Status::pass, "topology", "", s4_model, utc_date(2023, 4, 11)},
                 {"warn - Lync Server 2013 after 11 April 2023", EDIT(m.service_version = "6"),
                  Status::warn, "topology", "", s4_model, utc_date(2023, 4, 12)},
                 {"skip - no ServiceVersion (edgeplan format)", EDIT(m.service_version.clear()),
                  Status::skip, "topology", "unknown_input"},
                 {"skip - a ServiceVersion edgeplan does not know", EDIT(m.service_version = "9"),
                  Status::skip, "topology", "unknown_input"},
             });
}

}  // namespace edgeplan::testing
