// WAIVER-01: one row per outcome (docs/checks/WAIVER-01.md).
#include "checks/gate/waiver_expiry.h"

#include "checks/waiver.h"
#include "tests/checks/test_model.h"

namespace edgeplan::testing {
namespace {

checks::Waiver waiver_until(int year, int month, int day, const std::string& text) {
    checks::Waiver w{"XMPP-13", "pool:edgepool", "accepted by CAB-1", text, {}, {}};
    w.expires_at = checks::utc_date(year, month, day) + std::chrono::hours(24);
    return w;
}

struct WaiverRow {
    std::string name;  // starts with the expected outcome
    bool with_file;
    Clock::time_point now;
    std::optional<Status> expected;  // nullopt: no finding
};

}  // namespace

TEST(WaiverExpiryCheck, OneRowPerOutcome) {
    const checks::WaiverExpiryCheck check;
    ASSERT_EQ(check.info().id, "WAIVER-01");
    const std::vector<checks::Waiver> waivers{waiver_until(2025, 6, 30, "2025-06-30")};
    const std::vector<WaiverRow> rows{
        {"pass - the waiver holds until its expiry date", true, checks::utc_date(2025, 6, 1),
         Status::pass},
        {"pass - the run's date is the expiry date itself", true,
         checks::utc_date(2025, 6, 30) + std::chrono::hours(23), Status::pass},
        {"fail - the expiry date has passed", true, checks::utc_date(2025, 7, 1), Status::fail},
        {"none - no --waivers file was given", false, checks::utc_date(2025, 7, 1), std::nullopt},
    };
    const Model model = s4_model();
    const Plan plan;
    for (const WaiverRow& row : rows) {
        SCOPED_TRACE(row.name);
        checks::CheckContext context{model, plan, row.now};
        if (row.with_file) context.waivers = &waivers;
        const std::vector<Finding> findings = check.evaluate(context);
        if (!row.expected) {
            EXPECT_TRUE(findings.empty());
            continue;
        }
        ASSERT_EQ(findings.size(), 1u);
        EXPECT_EQ(row.name.rfind(std::string(checks::to_string(*row.expected)) + " - ", 0), 0u);
        EXPECT_EQ(findings[0].status, *row.expected);
        EXPECT_EQ(findings[0].subject, "waiver:XMPP-13/pool:edgepool");
        EXPECT_EQ(findings[0].check_id, "WAIVER-01");
    }
}

}  // namespace edgeplan::testing
