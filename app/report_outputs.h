#pragma once
// --format / --output handling shared by the commands that produce a Report.
#include <ostream>
#include <string>
#include <vector>

#include "report/output_set.h"
#include "report/renderers.h"
#include "report/report.h"

namespace edgeplan::app {

struct ReportOutput {
    std::string format;  // text, json, junit, sarif, html, markdown
    std::string path;
};

// Parses FORMAT=FILE values; refuses unknown formats. The files are checked by
// report::OutputSet::prepare (add_report_outputs).
bool parse_report_outputs(const std::vector<std::string>& values, std::vector<ReportOutput>& out,
                          std::string& error);

// Adds each output to `files`, first of all, in order: render_report_outputs fills them by index.
void add_report_outputs(const std::vector<ReportOutput>& outputs, report::OutputSet& files);

// The formats --format and --output of plan, check, render and diff accept.
inline constexpr const char* report_formats[] = {"text",  "json", "junit",
                                                 "sarif", "html", "markdown"};
// "text, json, junit, sarif, html or markdown", for messages.
std::string report_format_list(const char* last_separator = " or ");
bool is_report_format(const std::string& format);

// r.fail_on_warn (--fail-on warn) only changes JUnit: a warning becomes a <failure>.
std::string render_report(const report::Report& r, const std::string& format,
                          const report::TextOptions& text);
// Writes the report on standard output, straight to its descriptor in blocks of 64 KiB (through
// std::cout, kept in step with C stdio, every line was a locked fwrite: a tenth of a JSON
// report's time at the input limits, docs/performance.md). False when it could not be written
// (a full disk, a closed pipe): exit code 3.
[[nodiscard]] bool print_report(const report::Report& r, const std::string& format,
                                const report::TextOptions& text);
// Sets each output of `files` (indexes 0.. as add_report_outputs added them) to render `r` when
// files.commit() writes it: `r` must live until then.
void render_report_outputs(const report::Report& r, const std::vector<ReportOutput>& outputs,
                           const report::TextOptions& text, report::OutputSet& files);

int exit_code_for(const report::Summary& summary, bool fail_on_warn);

}  // namespace edgeplan::app
