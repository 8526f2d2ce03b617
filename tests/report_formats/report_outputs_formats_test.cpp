// The CLI side (app/report_outputs.cpp): --format/--output accept the CI formats, and
// --fail-on warn reaches JUnit only.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../report/sample_report.h"
#include "app/report_outputs.h"

namespace edgeplan::app {
namespace {

struct Row {
    const char* name;
    const char* format;
    bool accepted;
    const char* starts_with;  // rendered sample report
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

class ReportFormats : public ::testing::TestWithParam<Row> {};

TEST_P(ReportFormats, ParseAndRender) {
    const Row& row = GetParam();
    std::vector<ReportOutput> outputs;
    std::string error;
    EXPECT_EQ(parse_report_outputs({std::string(row.format) + "=out.file"}, outputs, error),
              row.accepted)
        << error;
    EXPECT_EQ(is_report_format(row.format), row.accepted);
    if (!row.accepted) return;
    const std::string out = render_report(report::testing::sample_report(), row.format, {});
    EXPECT_EQ(out.rfind(row.starts_with, 0), 0u) << out.substr(0, 80);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ReportFormats,
    ::testing::Values(Row{"accepted_junit", "junit", true, "<?xml version=\"1.0\""},
                      Row{"accepted_sarif", "sarif", true, "{\n  \"$schema\""},
                      Row{"accepted_html", "html", true, "<!DOCTYPE html>"},
                      Row{"accepted_json", "json", true, "{"},
                      Row{"accepted_markdown", "markdown", true, "### edgeplan "},
                      Row{"refused_md", "md", false, ""}, Row{"refused_xml", "xml", false, ""},
                      Row{"refused_upper_case", "JUNIT", false, ""}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(ReportFormats, FailOnWarnTurnsJunitWarningIntoFailure) {
    report::Report r = report::testing::sample_report();
    const std::string plain = render_report(r, "junit", {});
    const std::string plain_sarif = render_report(r, "sarif", {});
    r.fail_on_warn = true;
    const std::string strict = render_report(r, "junit", {});
    EXPECT_NE(plain.find("failures=\"1\""), std::string::npos);
    EXPECT_NE(strict.find("failures=\"2\""), std::string::npos);
    EXPECT_EQ(plain_sarif, render_report(r, "sarif", {}));
}

}  // namespace
}  // namespace edgeplan::app
