#pragma once
// `edgeplan listen`: the token-echo responder for the ports the plan expects on an Edge host
// (docs/responder.md). Kept apart from commands.h so the command stays in its own files.
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "topology/plan.h"

namespace edgeplan::app {

struct ListenArguments {
    std::string topology;
    std::string settings;
    std::vector<std::string> settings_dirs;  // --settings-from, in order
    std::string role;                        // edge-external | edge-internal | partner
    std::optional<int> sample;               // none = every port of a range
    std::string duration = "10m";
    std::string bind = "0.0.0.0";
    std::string format = "text";  // text (stderr only) | json (summary on stdout)
};

int listen_command(const ListenArguments& arguments);

// Everything after the plan is derived: select, bind, answer, summarise. listen_command calls
// it with the loaded plan; tests call it with a hand-built one. `ready` runs once the ports are
// bound, before answering starts. Returns the exit code.
int listen_on_plan(const topology::Plan& plan, const ListenArguments& arguments, std::ostream& out,
                   std::ostream& err, const std::function<void()>& ready = {});

}  // namespace edgeplan::app
