// `edgeplan render` on one input (report/json_report_reader.h): only ReportReadError may escape
// the reader, and a report it accepts renders in every format.
#include <string>

#include "app/report_outputs.h"
#include "report/json_report_reader.h"
#include "tests/fuzz/fuzz_target.h"

EDGEPLAN_FUZZ_TARGET(report_json) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    edgeplan::report::Report r;
    try {
        r = edgeplan::report::report_from_json_text(text, "report.json");
    } catch (const edgeplan::report::ReportReadError&) {
        return;
    }
    for (const char* format : {"text", "json", "junit", "sarif", "html", "markdown"}) {
        edgeplan::app::render_report(r, format, edgeplan::report::TextOptions{});
    }
}
