// What JUnit and SARIF say about a finding the gate judged (docs/ci-integration.md,
// docs/waivers.md): one row per way --baseline and --waivers can judge a failing finding.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "gated_report.h"
#include "report/ci_renderers.h"
#include "report/renderers.h"

namespace edgeplan::report {
namespace {

using nlohmann::json;
using namespace testing;

const json& sarif_result(const json& sarif, const std::string& rule_id) {
    for (const json& r : sarif["runs"][0]["results"]) {
        if (r["ruleId"] == rule_id) return r;
    }
    static const json none;
    return none;
}

// SARIF: baselineState and suppressions of each result, with both inputs given.
struct SarifRow {
    const char* name;
    const char* check_id;
    const char* baseline_state;
    json suppressions;
    const char* expired_on;  // the note of an expired waiver, nullptr: none
};

void PrintTo(const SarifRow& row, std::ostream* os) { *os << row.name; }

class SarifGate : public ::testing::TestWithParam<SarifRow> {};

TEST_P(SarifGate, BaselineStateAndSuppressions) {
    const SarifRow& row = GetParam();
    const json result = sarif_result(to_sarif(gated_report(true, true)), row.check_id);
    ASSERT_TRUE(result.is_object()) << "no result for " << row.check_id;
    EXPECT_EQ(result["baselineState"], row.baseline_state);
    EXPECT_EQ(result["suppressions"], row.suppressions);
    const std::string text = result["message"]["text"];
    if (row.expired_on == nullptr) {
        EXPECT_FALSE(result["properties"].contains("expiredWaiver")) << result.dump();
        EXPECT_EQ(text.find("expired"), std::string::npos) << text;
    } else {
        EXPECT_EQ(result["properties"]["expiredWaiver"],
                  json({{"reason", "accepted by CAB-1000"}, {"expires", row.expired_on}}));
        EXPECT_NE(text.find("Waiver expired on " + std::string(row.expired_on)), std::string::npos)
            << text;
        EXPECT_EQ(result["level"], "error") << "an expired waiver leaves the failure a failure";
    }
}

const json waived_suppression = json::array({{{"kind", "external"},
                                              {"status", "accepted"},
                                              {"justification", "accepted by CAB-1234"},
                                              {"properties", {{"expires", "2026-12-31"}}}}});

INSTANTIATE_TEST_SUITE_P(Rows, SarifGate,
                         ::testing::Values(SarifRow{"unchanged_failure_known_in_baseline", kKnown,
                                                    "unchanged", json::array(), nullptr},
                                           SarifRow{"new_failure_not_in_baseline", kNew, "new",
                                                    json::array(), nullptr},
                                           SarifRow{"suppressed_failure_with_active_waiver",
                                                    kWaived, "new", waived_suppression, nullptr},
                                           SarifRow{"unsuppressed_failure_with_expired_waiver",
                                                    kExpired, "new", json::array(), "2026-01-31"},
                                           SarifRow{"updated_failure_that_now_warns", kWorse,
                                                    "updated", json::array(), nullptr}),
                         [](const auto& p) { return std::string(p.param.name); });

// SARIF 2.1.0: baselineState and suppressions are on every result of a run or on none, so each
// appears exactly when its input was given.
struct InputsRow {
    const char* name;
    bool baseline, waivers;
};

void PrintTo(const InputsRow& row, std::ostream* os) { *os << row.name; }

class SarifGateInputs : public ::testing::TestWithParam<InputsRow> {};

TEST_P(SarifGateInputs, KeysOnEveryResultOrNone) {
    const InputsRow& row = GetParam();
    const json results = to_sarif(gated_report(row.baseline, row.waivers))["runs"][0]["results"];
    ASSERT_EQ(results.size(), 5u);
    for (const json& r : results) {
        EXPECT_EQ(r.contains("baselineState"), row.baseline) << r.dump();
        EXPECT_EQ(r.contains("suppressions"), row.waivers) << r.dump();
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, SarifGateInputs,
                         ::testing::Values(InputsRow{"neither_without_inputs", false, false},
                                           InputsRow{"baseline_state_only", true, false},
                                           InputsRow{"suppressions_only", false, true},
                                           InputsRow{"both_with_both_inputs", true, true}),
                         [](const auto& p) { return std::string(p.param.name); });

// JUnit: the child element of each test case and what it says.
struct JunitRow {
    const char* name;
    const char* check_id;
    bool fail_on_warn;
    const char* child;        // failure, skipped or system-out
    const char* message;      // its message attribute (nullptr for system-out)
    const char* text_prefix;  // how its text starts
};

void PrintTo(const JunitRow& row, std::ostream* os) { *os << row.name; }

class JunitGate : public ::testing::TestWithParam<JunitRow> {};

pugi::xml_node testcase_of(const pugi::xml_document& doc, const std::string& check_id) {
    return doc.select_node(("//testcase[@name='" + check_id + " pool:edgepool']").c_str()).node();
}

TEST_P(JunitGate, ChildElementAndMessage) {
    const JunitRow& row = GetParam();
    std::ostringstream out;
    render_junit(gated_report(true, true), JunitOptions{row.fail_on_warn}, out);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(out.str().c_str()));
    const pugi::xml_node tc = testcase_of(doc, row.check_id);
    ASSERT_TRUE(tc);
    ASSERT_TRUE(tc.first_child());
    EXPECT_STREQ(tc.first_child().name(), row.child);
    EXPECT_FALSE(tc.first_child().next_sibling()) << "one child only";
    const pugi::xml_node child = tc.child(row.child);
    if (row.message != nullptr) {
        EXPECT_STREQ(child.attribute("message").value(), row.message);
    }
    const std::string text = child.text().get();
    EXPECT_EQ(text.rfind(row.text_prefix, 0), 0u) << text;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, JunitGate,
    ::testing::Values(
        JunitRow{"skipped_failure_with_active_waiver", kWaived, false, "skipped",
                 "waived: accepted by CAB-1234 (until 2026-12-31)", "FAIL: finding of C-01\n"},
        JunitRow{"failure_with_expired_waiver", kExpired, false, "failure", "finding of D-01",
                 "waiver expired on 2026-01-31: accepted by CAB-1000\nat: topology.xml:3:1"},
        JunitRow{"skipped_failure_known_in_baseline", kKnown, false, "skipped", "known in baseline",
                 "FAIL: finding of A-01\n"},
        JunitRow{"failure_new_in_this_run", kNew, false, "failure", "finding of B-01",
                 "at: topology.xml:3:1"},
        JunitRow{"skipped_known_warning_with_fail_on_warn", kWorse, true, "skipped",
                 "known in baseline", "WARN: finding of E-01\n"},
        JunitRow{"output_known_warning", kWorse, false, "system-out", nullptr,
                 "WARN (known in baseline): finding of E-01\n"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(JunitGate, AcceptedFailuresCountAsSkippedNotFailed) {
    std::ostringstream out;
    render_junit(gated_report(true, true), JunitOptions{}, out);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(out.str().c_str()));
    const pugi::xml_node suite = doc.child("testsuites").child("testsuite");
    EXPECT_EQ(suite.attribute("tests").as_int(), 5);
    EXPECT_EQ(suite.attribute("failures").as_int(), 2);  // the new one and the expired waiver's
    EXPECT_EQ(suite.attribute("skipped").as_int(), 2);   // the known one and the waived one
    EXPECT_EQ(doc.child("testsuites").attribute("failures").as_int(), 2);
}

// JSON: the streamed document carries the same marks ("baseline", "waiver", summary "known" and
// "waived") as the tree, byte for byte.
TEST(JsonGateMarks, StreamedDocumentEqualsTheTreeDump) {
    for (const bool baseline : {false, true}) {
        for (const bool waivers : {false, true}) {
            const Report r = gated_report(baseline, waivers);
            std::ostringstream streamed;
            write_json(r, streamed);
            EXPECT_EQ(streamed.str(), to_json(r).dump(2) + "\n") << baseline << waivers;
        }
    }
}

}  // namespace
}  // namespace edgeplan::report
