#pragma once
// Output formats of `edgeplan diff` (docs/diff-format.md): text for a reviewer, JSON
// (docs/schema/diff.schema.json) for CI, Markdown for a pull-request comment, HTML for a
// browser, JUnit and SARIF for CI systems. They see only the DiffReport.
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/plan_diff.h"

namespace edgeplan::report {

void render_diff_text(const DiffReport& report, std::ostream& out);      // diff_renderer.cpp
nlohmann::json diff_to_json(const DiffReport& report);                   // diff_renderer.cpp
void render_diff_markdown(const DiffReport& report, std::ostream& out);  // diff_markdown.cpp
void render_diff_html(const DiffReport& report, std::ostream& out);      // diff_html.cpp
// diff_ci.cpp: one JUnit test case per new or resolved finding (a new failure, or a new warning
// with fail_on_warn, is a <failure>: the diff's exit code), and SARIF results for the new
// findings (baselineState "new") and the resolved ones ("absent").
void render_diff_junit(const DiffReport& report, bool fail_on_warn, std::ostream& out);
nlohmann::json diff_to_sarif(const DiffReport& report);

}  // namespace edgeplan::report
