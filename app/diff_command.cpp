// `edgeplan diff`: load both topologies, derive both plans, run the offline checks on both,
// then report/plan_diff.h compares them. The exit code says whether the change brings a new
// failure (app/gate.h).
#include "app/diff_command.h"

#include <iostream>
#include <memory>

#include "app/clock.h"
#include "app/exit_codes.h"
#include "app/gate.h"
#include "checks/registry.h"
#include "checks/runner.h"
#include "report/diff_renderer.h"
#include "report/sha256.h"
#include "topology/input_error.h"
#include "topology/loader.h"

namespace edgeplan::app {
namespace {

struct Side {
    topology::Model model;
    topology::Plan plan;
    std::vector<checks::Finding> findings;
};

Side evaluate(const std::string& topology_path, const std::string& settings_path, TimePoint now) {
    topology::LoadRequest request;
    request.topology_path = topology_path;
    request.settings_path = settings_path;
    Side side;
    side.model = topology::load_model(request);
    side.plan = topology::derive_plan(side.model);
    const auto all = checks::make_all_checks();
    std::vector<const checks::Check*> offline;
    for (const auto& check : all) {
        if (check->info().kind == checks::CheckKind::offline) offline.push_back(check.get());
    }
    side.findings = checks::run_checks(offline, checks::CheckContext{side.model, side.plan, now});
    return side;
}

void add_inputs(report::DiffReport& r, const char* prefix, const std::string& topology_path,
                const std::string& settings_path, const topology::Model& model) {
    r.inputs.push_back({std::string(prefix) + "-topology", topology_path,
                        report::sha256_file_hex(topology_path), to_string(model.format)});
    if (!settings_path.empty()) {
        r.inputs.push_back({std::string(prefix) + "-settings", settings_path,
                            report::sha256_file_hex(settings_path), "edgeplan-settings"});
    }
}

}  // namespace

int diff_command(const DiffArguments& a) {
    auto usage = [](const std::string& message) {
        std::cerr << "edgeplan diff: " << message << "\n";
        return exit_input_error;
    };
    if (a.old_topology.empty() || a.new_topology.empty()) {
        return usage("OLD and NEW topology files are required");
    }
    std::optional<TimePoint> now = checks::UtcClock::now();
    if (!a.now.empty() && !(now = parse_iso_date(a.now))) {
        return usage("--now '" + a.now + "' is not a date YYYY-MM-DD[THH:MM:SSZ] from 1970 to " +
                     std::to_string(kLastYear));
    }
    if (a.format != "text" && a.format != "json") return usage("--format must be text or json");
    if (a.fail_on != "fail" && a.fail_on != "warn") return usage("--fail-on must be fail or warn");

    const std::string old_settings = a.old_settings.empty() ? a.settings : a.old_settings;
    Side before;
    Side after;
    try {
        before = evaluate(a.old_topology, old_settings, *now);
        after = evaluate(a.new_topology, a.settings, *now);
    } catch (const topology::InputError& e) {
        std::cerr << "edgeplan: " << e.what() << "\n";
        return exit_input_error;
    }

    report::DiffReport r;
    r.tool_version = EDGEPLAN_VERSION;
    r.now = format_iso_utc(*now);
    add_inputs(r, "old", a.old_topology, old_settings, before.model);
    add_inputs(r, "new", a.new_topology, a.settings, after.model);
    r.options.emplace_back("command_line", a.command_line);
    r.diff = report::diff_plans(before.plan, before.findings, after.plan, after.findings);

    if (!a.quiet) {
        if (a.format == "json") {
            std::cout << report::diff_to_json(r).dump(2, ' ', false,
                                                      nlohmann::json::error_handler_t::replace)
                      << "\n";
        } else {
            report::render_diff_text(r, std::cout);
        }
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "edgeplan diff: cannot write the diff to standard output\n";
            return exit_tool_error;
        }
    }
    return exit_code_for(r.diff, a.fail_on == "warn");
}

}  // namespace edgeplan::app
