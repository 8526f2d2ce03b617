// `edgeplan render`: read REPORT.json with the safe input rules (topology/input_file.h), rebuild
// the Report (report/json_report_reader.h) and hand it to the same renderers and output set as
// plan and check, so every output rule holds here too (an output may not overwrite REPORT.json).
#include "app/render_command.h"

#include <iostream>

#include "app/exit_codes.h"
#include "app/gate.h"
#include "app/report_outputs.h"
#include "report/json_report_reader.h"
#include "topology/input_file.h"

namespace edgeplan::app {
namespace {

// As --baseline: a JSON report of 10,000 findings takes about 10 MB.
constexpr std::size_t kMaxReportBytes = 256 * 1024 * 1024;

int usage(const std::string& message) {
    std::cerr << "edgeplan render: " << message << "\n";
    return exit_input_error;
}

}  // namespace

int render_command(const RenderArguments& a) {
    if (a.report.empty()) return usage("a REPORT.json file is required");
    if (!is_report_format(a.format)) return usage("--format must be " + report_format_list());
    if (!a.fail_on.empty() && a.fail_on != "fail" && a.fail_on != "warn") {
        return usage("--fail-on must be fail or warn");
    }
    std::vector<ReportOutput> outputs;
    std::string error;
    if (!parse_report_outputs(a.outputs, outputs, error)) return usage(error);

    report::Report r;
    try {
        r = report::report_from_json_text(topology::read_input_file(a.report, kMaxReportBytes),
                                          a.report);
    } catch (const topology::InputFileError& e) {
        return usage(e.what());
    } catch (const report::ReportReadError& e) {
        return usage(e.what());
    }
    if (!a.fail_on.empty()) r.fail_on_warn = a.fail_on == "warn";

    report::OutputSet files;
    add_report_outputs(outputs, files);
    try {
        files.prepare({a.report});
    } catch (const report::OutputError& e) {
        return usage(e.what());
    }
    try {
        render_report_outputs(r, outputs, a.text, files);
        files.commit();
    } catch (const report::OutputError& e) {
        std::cerr << "edgeplan render: " << e.what() << "\n";
        return exit_tool_error;
    }
    if (!a.quiet && !print_report(r, a.format, a.text)) {
        std::cerr << "edgeplan render: cannot write the report to standard output\n";
        return exit_tool_error;
    }
    return exit_code_for(r, r.fail_on_warn);
}

}  // namespace edgeplan::app
