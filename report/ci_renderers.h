#pragma once
// Output formats of a Report for CI systems and reviewers: JUnit XML, SARIF 2.1.0 and a
// self-contained HTML page (docs/ci-integration.md). Each lives in its own file; this header only
// declares them. Like the text and JSON renderers, they see only the Report.
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace edgeplan::report {

struct JunitOptions {
    // A warn finding becomes a <failure> instead of a passing case with <system-out> (the CLI
    // sets it with --fail-on warn, so the CI verdict matches the exit code).
    bool fail_on_warn = false;
};

// junit_renderer.cpp: one <testsuite> per check area, one <testcase> per (check ID, subject).
// Valid against tests/report_formats/junit.xsd (the Jenkins/Ant JUnit schema).
void render_junit(const Report& report, const JunitOptions& options, std::ostream& out);

// sarif_renderer.cpp: one SARIF 2.1.0 run; rules from the catalogue, results for fail, warn and
// error findings. Serialise with error_handler_t::replace (strings come from input files).
nlohmann::json to_sarif(const Report& report);

// markdown_renderer.cpp: GitHub-flavoured Markdown for a pull-request comment: the verdict, the
// findings that need attention with their fix, the rest counted in a collapsed block. Every
// input string is escaped, so a topology cannot inject Markdown, HTML or links.
void render_markdown(const Report& report, std::ostream& out);

// html_renderer.cpp: one self-contained HTML5 page, built as a DOM and written section by section
// as it is built (the page is never held whole); starts with <!DOCTYPE html>.
void render_html(const Report& report, std::ostream& out);

}  // namespace edgeplan::report
