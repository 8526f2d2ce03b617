#pragma once
// `edgeplan render REPORT.json`: a saved JSON report of plan or check rendered again, in any
// report format, as the run would have rendered it (docs/report-format.md "render"). Options are
// parsed in cli.cpp.
#include <string>
#include <vector>

#include "report/renderers.h"

namespace edgeplan::app {

struct RenderArguments {
    std::string report;  // REPORT.json
    std::string format = "text";
    std::vector<std::string> outputs;  // FORMAT=FILE
    std::string fail_on;               // empty: the report's own --fail-on
    report::TextOptions text;
    bool quiet = false;
};

// Exit code: 2 when REPORT.json or an option cannot be used; otherwise the run's own rule on
// the report (app/gate.h exit_code_for), so a saved report can gate CI too.
int render_command(const RenderArguments& arguments);

}  // namespace edgeplan::app
