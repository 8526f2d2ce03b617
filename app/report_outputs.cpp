#include "app/report_outputs.h"

#include <iterator>
#include <sstream>

#include "app/exit_codes.h"
#include "report/ci_renderers.h"

namespace edgeplan::app {

std::string report_format_list(const char* last_separator) {
    std::string out;
    const std::size_t n = std::size(report_formats);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += i + 1 == n ? last_separator : ", ";
        out += report_formats[i];
    }
    return out;
}

bool is_report_format(const std::string& format) {
    for (const char* known : report_formats) {
        if (format == known) return true;
    }
    return false;
}

bool parse_report_outputs(const std::vector<std::string>& values, std::vector<ReportOutput>& out,
                          std::string& error) {
    for (const std::string& v : values) {
        const auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) {
            error = "--output '" + v + "' is not FORMAT=FILE";
            return false;
        }
        ReportOutput o{v.substr(0, eq), v.substr(eq + 1)};
        if (!is_report_format(o.format)) {
            error = "--output format '" + o.format + "' is not one of " + report_format_list(", ");
            return false;
        }
        out.push_back(o);
    }
    return true;
}

void add_report_outputs(const std::vector<ReportOutput>& outputs, report::OutputSet& files) {
    for (const ReportOutput& o : outputs) files.add(o.path, "--output " + o.format);
}

std::string render_report(const report::Report& r, const std::string& format,
                          const report::TextOptions& text) {
    // JSON and SARIF are dumped straight into the returned string: through an ostringstream
    // the text of a large report was held three times over (stream buffer growth, then str()),
    // which put a 10,000-finding check over its 100 MB budget (docs/performance.md).
    if (format == "json") return report::to_json(r).dump(2) + "\n";
    if (format == "sarif") {
        // Input strings may not be UTF-8: replace rather than throw.
        return report::to_sarif(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
               "\n";
    }
    std::ostringstream out;
    if (format == "junit") {
        report::render_junit(r, report::JunitOptions{r.fail_on_warn}, out);
    } else if (format == "html") {
        report::render_html(r, out);
    } else if (format == "markdown") {
        report::render_markdown(r, out);
    } else {
        report::render_text(r, text, out);
    }
    return out.str();
}

bool print_report(const report::Report& r, const std::string& format,
                  const report::TextOptions& text, std::ostream& out) {
    out << render_report(r, format, text);
    out.flush();
    return static_cast<bool>(out);
}

void render_report_outputs(const report::Report& r, const std::vector<ReportOutput>& outputs,
                           const report::TextOptions& text, report::OutputSet& files) {
    report::TextOptions plain = text;
    plain.colour = false;  // files never get terminal escapes
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        files.set_content(i, render_report(r, outputs[i].format, plain));
    }
}

int exit_code_for(const report::Summary& summary, bool fail_on_warn) {
    if (summary.fail > 0 || (fail_on_warn && summary.warn > 0)) return exit_findings;
    if (summary.error > 0) return exit_tool_error;
    return exit_ok;
}

}  // namespace edgeplan::app
