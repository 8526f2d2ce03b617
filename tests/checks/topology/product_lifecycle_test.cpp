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

// The unknown says how to learn the release: the topology export that carries it, or the
// settings attribute; and a release stated by --settings is cited there.
TEST(ProductLifecycleCheck, UnknownReleaseNamesItsSourcesAndSettingsAreCited) {
    Model model = s4_model();
    model.service_version.clear();
    const Plan plan;
    const checks::CheckContext context{model, plan, checks::utc_date(2026, 12, 3)};
    std::vector<Finding> findings = checks::ProductLifecycleCheck().evaluate(context);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.str().find("Get-CsTopology -AsXml"), std::string::npos);
    EXPECT_NE(findings[0].message.str().find("<Settings serviceVersion=\"8\">"), std::string::npos);
    model.service_version = "8";
    model.service_version_where = {"settings.xml", 1, 11};
    findings = checks::ProductLifecycleCheck().evaluate(context);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].where.file, "settings.xml");
}

}  // namespace edgeplan::testing
