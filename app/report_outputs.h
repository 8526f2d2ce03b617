#pragma once
// --format / --output handling shared by the commands that produce a Report.
#include <ostream>
#include <string>
#include <vector>

#include "report/renderers.h"
#include "report/report.h"

namespace edgeplan::app {

struct ReportOutput {
    std::string format;  // text, json, junit, sarif, html
    std::string path;
};

// Parses FORMAT=FILE values; refuses unknown formats and any FILE that is one of the inputs.
bool parse_report_outputs(const std::vector<std::string>& values,
                          const std::vector<std::string>& inputs, std::vector<ReportOutput>& out,
                          std::string& error);

// The formats --format and --output accept.
bool is_report_format(const std::string& format);

// fail_on_warn (--fail-on warn) only changes JUnit: a warning becomes a <failure>.
std::string render_report(const report::Report& r, const std::string& format,
                          const report::TextOptions& text, bool fail_on_warn = false);
void print_report(const report::Report& r, const std::string& format,
                  const report::TextOptions& text, std::ostream& out, bool fail_on_warn = false);
// Throws report::OutputError.
void write_report_outputs(const report::Report& r, const std::vector<ReportOutput>& outputs,
                          const report::TextOptions& text, bool fail_on_warn = false);

int exit_code_for(const report::Summary& summary, bool fail_on_warn);

}  // namespace edgeplan::app
