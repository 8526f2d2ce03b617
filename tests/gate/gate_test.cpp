// app/gate.h: reading --baseline and --waivers, marking findings, and the exit code (one row
// per outcome; docs/waivers.md, docs/exit-codes.md).
#include "app/gate.h"

#include <gtest/gtest.h>

#include "app/clock.h"
#include "app/exit_codes.h"

namespace edgeplan::app {
namespace {

using checks::Status;

struct ParseRow {
    std::string name;  // "accept - ..." or "reject - ..."
    std::string text;
    std::string error_part;  // for rejects: a part of the message
};

void expect_rows(const std::vector<ParseRow>& rows,
                 const std::function<void(const std::string&)>& parse) {
    for (const ParseRow& row : rows) {
        SCOPED_TRACE(row.name);
        const bool accept = row.name.rfind("accept - ", 0) == 0;
        ASSERT_TRUE(accept || row.name.rfind("reject - ", 0) == 0);
        try {
            parse(row.text);
            EXPECT_TRUE(accept) << "parsed, expected an error";
        } catch (const GateInputError& e) {
            EXPECT_FALSE(accept) << e.what();
            EXPECT_NE(std::string(e.what()).find("f.json"), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(row.error_part), std::string::npos) << e.what();
        }
    }
}

TEST(Baseline, OneRowPerOutcome) {
    expect_rows(
        {
            {"accept - a report with findings",
             R"({"schema_version":"1.0","findings":[{"check_id":"A-01","subject":"s","status":"fail"}]})",
             ""},
            {"accept - a later minor version and no findings",
             R"({"schema_version":"1.3","findings":[]})", ""},
            {"reject - not JSON", "{", "not JSON"},
            {"reject - an array", "[]", "object"},
            {"reject - another major version", R"({"schema_version":"2.0","findings":[]})",
             "schema_version"},
            {"reject - findings missing", R"({"schema_version":"1.0"})", "findings"},
            {"reject - unknown status",
             R"({"schema_version":"1.0","findings":[{"check_id":"A-01","subject":"s","status":"bad"}]})",
             "findings[0]"},
            {"reject - check_id missing",
             R"({"schema_version":"1.0","findings":[{"subject":"s","status":"fail"}]})",
             "check_id"},
        },
        [](const std::string& text) { parse_baseline(text, "f.json"); });
}

std::string waivers_with(const std::string& item) {
    return R"({"schema_version":"1.0","waivers":[)" + item + "]}";
}

TEST(Waivers, OneRowPerOutcome) {
    const std::string good =
        R"({"check_id":"A-01","subject":"s","reason":"r","expires":"2025-02-28"})";
    expect_rows(
        {
            {"accept - one waiver", waivers_with(good), ""},
            {"reject - wrong schema_version", R"({"schema_version":"2","waivers":[]})",
             "schema_version"},
            {"reject - reason missing",
             waivers_with(R"({"check_id":"A-01","subject":"s","expires":"2025-02-28"})"), "reason"},
            {"reject - an unknown key",
             waivers_with(
                 R"({"check_id":"A-01","subject":"s","reason":"r","expires":"2025-02-28","x":1})"),
             "unknown key"},
            {"reject - a date that does not exist",
             waivers_with(
                 R"({"check_id":"A-01","subject":"s","reason":"r","expires":"2025-02-30"})"),
             "expires"},
            {"reject - a date not in YYYY-MM-DD",
             waivers_with(R"({"check_id":"A-01","subject":"s","reason":"r","expires":"2025-2-1"})"),
             "expires"},
            {"accept - the last day of year 9999",
             waivers_with(
                 R"({"check_id":"A-01","subject":"s","reason":"r","expires":"9999-12-31"})"),
             ""},
            {"reject - a five-digit year",
             waivers_with(
                 R"({"check_id":"A-01","subject":"s","reason":"r","expires":"10000-01-01"})"),
             "expires"},
            {"reject - a year before 1970",
             waivers_with(
                 R"({"check_id":"A-01","subject":"s","reason":"r","expires":"1969-12-31"})"),
             "expires"},
            {"reject - waiving WAIVER-01",
             waivers_with(
                 R"({"check_id":"WAIVER-01","subject":"s","reason":"r","expires":"2025-02-28"})"),
             "WAIVER-01"},
            {"reject - the same finding twice", waivers_with(good + "," + good), "second"},
        },
        [](const std::string& text) { parse_waivers(text, "f.json"); });
    const auto parsed = parse_waivers(waivers_with(good), "f.json");
    ASSERT_EQ(parsed.size(), 1u);
    // Holds through its whole last day.
    EXPECT_EQ(parsed[0].expires_at, *parse_iso_date("2025-03-01"));
    // A waiver to the end of 9999 holds past the last date --now accepts, without wrapping.
    const auto forever = parse_waivers(
        waivers_with(R"({"check_id":"A-01","subject":"s","reason":"r","expires":"9999-12-31"})"),
        "f.json");
    ASSERT_EQ(forever.size(), 1u);
    EXPECT_TRUE(checks::waiver_active(forever[0], *parse_iso_date("9999-12-31T23:59:59Z")));
}

checks::Finding finding(const std::string& id, Status status, const std::string& subject = "s") {
    checks::Finding f;
    f.check_id = id;
    f.status = status;
    f.subject = subject;
    return f;
}

struct GateRow {
    std::string name;  // starts with the expected exit code: "1 - ...", "0 - ..."
    std::vector<checks::Finding> findings;
    std::optional<Baseline> baseline;
    std::optional<std::vector<checks::Waiver>> waivers;
    bool fail_on_warn;
    int expected;
};

checks::Waiver waiver(const std::string& id, const std::string& expires) {
    checks::Waiver w{id, "s", "accepted", expires, {}, {}};
    w.expires_at = *parse_iso_date(expires) + std::chrono::hours(24);
    return w;
}

Baseline baseline_of(const std::string& id, Status status) {
    Baseline b;
    b.statuses[{id, "s"}] = status;
    return b;
}

TEST(Gate, ExitCodeOneRowPerOutcome) {
    const auto now = *parse_iso_date("2025-06-01");
    const std::vector<GateRow> rows{
        {"1 - a failure, no gate inputs", {finding("A-01", Status::fail)}, {}, {}, false, 1},
        {"0 - only a warning", {finding("A-01", Status::warn)}, {}, {}, false, 0},
        {"1 - a warning with --fail-on warn", {finding("A-01", Status::warn)}, {}, {}, true, 1},
        {"3 - an error and nothing failing", {finding("A-01", Status::error)}, {}, {}, false, 3},
        {"0 - a failure the baseline knew",
         {finding("A-01", Status::fail)},
         baseline_of("A-01", Status::fail),
         {},
         false,
         0},
        {"1 - a failure that only warned in the baseline",
         {finding("A-01", Status::fail)},
         baseline_of("A-01", Status::warn),
         {},
         false,
         1},
        {"0 - a warning that failed in the baseline, with --fail-on warn",
         {finding("A-01", Status::warn)},
         baseline_of("A-01", Status::fail),
         {},
         true,
         0},
        {"1 - a new failure beside a known one",
         {finding("A-01", Status::fail), finding("B-01", Status::fail)},
         baseline_of("A-01", Status::fail),
         {},
         false,
         1},
        {"0 - a failure an active waiver covers",
         {finding("A-01", Status::fail)},
         {},
         std::vector<checks::Waiver>{waiver("A-01", "2025-06-01")},
         false,
         0},
        {"1 - a failure whose waiver expired",
         {finding("A-01", Status::fail)},
         {},
         std::vector<checks::Waiver>{waiver("A-01", "2025-05-31")},
         false,
         1},
        {"1 - a waiver of another subject",
         {finding("A-01", Status::fail, "other")},
         {},
         std::vector<checks::Waiver>{waiver("A-01", "2025-12-31")},
         false,
         1},
        {"1 - a WAIVER-01 failure is never known",
         {finding("WAIVER-01", Status::fail)},
         baseline_of("WAIVER-01", Status::fail),
         {},
         false,
         1},
        {"3 - an error the baseline knew still says undecided",
         {finding("A-01", Status::error)},
         baseline_of("A-01", Status::error),
         {},
         false,
         3},
    };
    for (const GateRow& row : rows) {
        SCOPED_TRACE(row.name);
        ASSERT_EQ(row.name.rfind(std::to_string(row.expected) + " - ", 0), 0u);
        report::Report r;
        r.findings = row.findings;
        apply_gate(r, row.baseline ? &*row.baseline : nullptr,
                   row.waivers ? &*row.waivers : nullptr, now);
        EXPECT_EQ(r.gated, row.baseline.has_value() || row.waivers.has_value());
        EXPECT_EQ(exit_code_for(r, row.fail_on_warn), row.expected);
    }
}

TEST(Gate, MarksKnownAndWaivedFindings) {
    report::Report r;
    r.findings = {finding("A-01", Status::fail), finding("B-01", Status::warn),
                  finding("C-01", Status::pass)};
    const Baseline b = baseline_of("A-01", Status::fail);
    const std::vector<checks::Waiver> w{waiver("B-01", "2025-12-31")};
    apply_gate(r, &b, &w, *parse_iso_date("2025-06-01"));
    ASSERT_NE(r.acceptance_for(r.findings[0]), nullptr);
    EXPECT_TRUE(r.acceptance_for(r.findings[0])->known);
    ASSERT_NE(r.acceptance_for(r.findings[1]), nullptr);
    EXPECT_EQ(r.acceptance_for(r.findings[1])->waiver->reason, "accepted");
    EXPECT_EQ(r.acceptance_for(r.findings[2]), nullptr) << "a pass needs no acceptance";
}

}  // namespace
}  // namespace edgeplan::app
