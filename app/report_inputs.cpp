#include "app/report_inputs.h"

#include "report/sha256.h"

namespace edgeplan::app {

std::vector<report::InputFile> model_inputs(const topology::Model& model,
                                            const std::string& topology_argument,
                                            const std::string& settings,
                                            const std::string& role_prefix) {
    std::vector<report::InputFile> inputs;
    inputs.push_back({role_prefix + "topology", model.source_file,
                      topology_argument.empty() ? "" : report::sha256_file_hex(topology_argument),
                      to_string(model.format)});
    if (!settings.empty()) {
        inputs.push_back({role_prefix + "settings", settings, report::sha256_file_hex(settings),
                          "edgeplan-settings"});
    }
    for (const topology::Model::ExportInput& e : model.exports) {
        inputs.push_back({role_prefix + "settings-from", e.path, report::sha256_file_hex(e.path),
                          "powershell-" + e.format});
    }
    return inputs;
}

}  // namespace edgeplan::app
