#include "app/report_outputs.h"

#include <unistd.h>

#include <iostream>
#include <iterator>
#include <streambuf>

#include "app/exit_codes.h"
#include "report/ci_renderers.h"
#include "report/descriptor_sink.h"

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

namespace {

// An ostream that appends to a std::string it does not own: the rendered report is built in the
// string that is written to the file, with no stream buffer beside it and no copy at the end.
class StringSink : public std::streambuf {
  public:
    explicit StringSink(std::string& text) : text_(text) {}

  protected:
    int_type overflow(int_type c) override {
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            text_.push_back(traits_type::to_char_type(c));
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        text_.append(s, static_cast<std::size_t>(n));
        return n;
    }

  private:
    std::string& text_;
};

// Every format written straight to `out`: a report at the input limits is hundreds of
// megabytes, and neither a JSON tree nor a copy of the text is held beside it
// (docs/performance.md "Input limits").
void write_report(const report::Report& r, const std::string& format,
                  const report::TextOptions& text, std::ostream& out) {
    if (format == "json") {
        report::write_json(r, out);
    } else if (format == "sarif") {
        // Input strings may not be UTF-8: replace rather than throw.
        out << report::to_sarif(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
    } else if (format == "junit") {
        report::render_junit(r, report::JunitOptions{r.fail_on_warn}, out);
    } else if (format == "html") {
        report::render_html(r, out);
    } else if (format == "markdown") {
        report::render_markdown(r, out);
    } else {
        report::render_text(r, text, out);
    }
}

}  // namespace

std::string render_report(const report::Report& r, const std::string& format,
                          const report::TextOptions& text) {
    std::string rendered;
    StringSink sink(rendered);
    std::ostream out(&sink);
    write_report(r, format, text, out);
    return rendered;
}

bool print_report(const report::Report& r, const std::string& format,
                  const report::TextOptions& text) {
    // Whatever std::cout holds goes first.
    if (!std::cout.flush()) return false;
    return report::write_through(STDOUT_FILENO,
                                 [&](std::ostream& out) { write_report(r, format, text, out); })
        .empty();
}

void render_report_outputs(const report::Report& r, const std::vector<ReportOutput>& outputs,
                           const report::TextOptions& text, report::OutputSet& files) {
    report::TextOptions plain = text;
    plain.colour = false;  // files never get terminal escapes
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        // Rendered during commit, straight into the temporary file: the report is never held
        // as a string beside the report data (docs/performance.md).
        const std::string format = outputs[i].format;
        files.set_writer(
            i, [&r, format, plain](std::ostream& out) { write_report(r, format, plain, out); });
    }
}

int exit_code_for(const report::Summary& summary, bool fail_on_warn) {
    if (summary.fail > 0 || (fail_on_warn && summary.warn > 0)) return exit_findings;
    if (summary.error > 0) return exit_tool_error;
    return exit_ok;
}

}  // namespace edgeplan::app
