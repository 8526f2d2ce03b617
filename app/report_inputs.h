#pragma once
// The input files a report lists (role, path, SHA-256, format): what plan, check, partners and
// each side of diff read to build their model. One list, so the commands cannot differ in it.
#include <string>
#include <vector>

#include "report/report.h"
#include "topology/model.h"

namespace edgeplan::app {

// The topology (no hash for the embedded sample, `topology_argument` empty), the settings file
// when given, and every --settings-from export the model applied. `role_prefix` names the side
// of a diff ("old-", "new-"); the other commands give none.
std::vector<report::InputFile> model_inputs(const topology::Model& model,
                                            const std::string& topology_argument,
                                            const std::string& settings,
                                            const std::string& role_prefix = "");

}  // namespace edgeplan::app
