#include <iostream>
#include <vector>

#include "app/commands.h"
#include "app/exit_codes.h"
#include "checks/registry.h"

namespace edgeplan::app {

int checks_command(const std::string& format) {
    // The partner rules are listed too: `edgeplan partners` reports them (checks/registry.h).
    const std::vector<checks::CheckInfo> all = checks::catalogue_infos();
    std::vector<const checks::CheckInfo*> infos;
    for (const checks::CheckInfo& info : all) infos.push_back(&info);
    if (format == "text") {
        report::render_catalogue_text(infos, std::cout);
    } else if (format == "json") {
        std::cout << report::catalogue_to_json(infos).dump(2) << "\n";
    } else if (format == "markdown") {
        report::render_catalogue_markdown(infos, std::cout);
    } else {
        std::cerr << "edgeplan checks: --format must be text, json or markdown\n";
        return exit_input_error;
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "edgeplan checks: cannot write the catalogue to standard output\n";
        return exit_tool_error;
    }
    return exit_ok;
}

}  // namespace edgeplan::app
