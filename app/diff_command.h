#pragma once
// `edgeplan diff OLD NEW`: what a topology change adds to and removes from the plan and the
// offline findings (docs/diff-format.md). Options are parsed in cli.cpp.
#include <string>
#include <vector>

namespace edgeplan::app {

struct DiffArguments {
    std::string old_topology;
    std::string new_topology;
    std::string settings;      // for NEW, and for OLD unless old_settings is given
    std::string old_settings;  // for OLD
    // --settings-from / --old-settings-from: folders of Get-Cs exports, mirroring the settings
    // files: for NEW, and for OLD unless old_settings_dirs is given.
    std::vector<std::string> settings_dirs;
    std::vector<std::string> old_settings_dirs;
    std::string format = "text";       // text, json, junit, sarif, html, markdown
    std::vector<std::string> outputs;  // FORMAT=FILE
    std::string now;
    std::string fail_on = "fail";
    bool quiet = false;
    std::string command_line;
};

int diff_command(const DiffArguments& arguments);

}  // namespace edgeplan::app
