#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/clock.h"
#include "app/commands.h"
#include "app/embedded_sample.h"
#include "app/exit_codes.h"
#include "app/gate.h"
#include "app/large_blocks.h"
#include "app/report_inputs.h"
#include "app/report_outputs.h"
#include "checks/registry.h"
#include "report/atomic_file.h"
#include "report/exports.h"
#include "report/sha256.h"
#include "topology/input_error.h"
#include "topology/loader.h"

namespace edgeplan::app {
namespace {

// Takes the model to release it once the checks have run: ordering the findings and rendering
// need only the report, and at the input limits the model is tens of megabytes held beside
// every finding at the run's peak (docs/performance.md).
report::Report build_report(const PlanArguments& a, topology::Model model, topology::Plan plan,
                            TimePoint now, const GateInputs& gate,
                            const checks::CertificateSettings& certificates) {
    report::Report r;
    r.tool_version = EDGEPLAN_VERSION;
    r.command = "plan";
    r.fail_on_warn = a.fail_on == "warn";
    r.started_at = format_iso_utc(checks::UtcClock::now());
    r.now = format_iso_utc(now);
    r.inputs = model_inputs(model, a.topology, a.settings);
    r.options.emplace_back("command_line", a.command_line);

    const std::vector<std::unique_ptr<checks::Check>> all = checks::make_all_checks();
    std::vector<const checks::Check*> offline;
    for (const auto& check : all) {
        if (check->info().kind == checks::CheckKind::offline) offline.push_back(check.get());
    }
    checks::ProducedFindings produced;
    {
        checks::CheckContext context{model, plan, now};
        context.waivers = gate.waiver_list();
        context.certificates = &certificates;
        produced = checks::evaluate_checks(offline, context, a.selection);
    }
    model = topology::Model{};
    return_freed_pages();
    r.findings = checks::in_report_order(std::move(produced));
    // Ordering freed each check's vector of findings; the rendering that follows allocates anew.
    return_freed_pages();
    for (const checks::Check* check : offline)
        r.catalogue[report::catalogue_key(check->info())] = check->info();
    r.plan = std::move(plan);
    gate.apply(r, now);
    return r;
}

void emit_exports(const PlanArguments& a, const report::Report& r) {
    const topology::Plan& plan = r.plan;
    auto announce = [&](const std::vector<std::string>& files) {
        if (a.quiet) return;
        for (const std::string& f : files) std::cerr << "wrote " << f << "\n";
    };
    if (!a.emit_zone.empty()) announce(report::write_zone_files(plan, a.emit_zone, r.findings));
    if (!a.emit_csr.empty()) announce(report::write_csr_files(plan, a.emit_csr, r.findings));
    if (!a.emit_firewall.empty()) announce(report::write_firewall_files(plan, a.emit_firewall));
}

}  // namespace

int plan_command(const PlanArguments& a) {
    std::optional<TimePoint> now = checks::UtcClock::now();
    if (!a.now.empty()) {
        now = parse_iso_date(a.now);
        if (!now) {
            std::cerr << "edgeplan plan: --now '" << a.now
                      << "' is not a date YYYY-MM-DD[THH:MM:SSZ] from 1970 to " << kLastYear
                      << "\n";
            return exit_input_error;
        }
    }
    if (!is_report_format(a.format)) {
        std::cerr << "edgeplan plan: --format must be " << report_format_list() << "\n";
        return exit_input_error;
    }
    if (a.fail_on != "fail" && a.fail_on != "warn") {
        std::cerr << "edgeplan plan: --fail-on must be fail or warn\n";
        return exit_input_error;
    }
    std::vector<ReportOutput> outputs;
    std::string output_error;
    if (!parse_report_outputs(a.outputs, outputs, output_error)) {
        std::cerr << "edgeplan plan: " << output_error << "\n";
        return exit_input_error;
    }

    GateInputs gate;
    try {
        gate = GateInputs::read(a.baseline, a.waivers);
    } catch (const GateInputError& e) {
        std::cerr << "edgeplan plan: " << e.what() << "\n";
        return exit_input_error;
    }

    topology::LoadRequest request;
    request.topology_path = a.topology.empty() ? embedded_sample_name : a.topology;
    if (a.topology.empty()) request.topology_text = embedded_sample_text;
    request.settings_path = a.settings;
    request.settings_dirs = a.settings_dirs;
    topology::Model model;
    try {
        model = topology::load_model(request);
    } catch (const topology::InputError& e) {
        std::cerr << "edgeplan: " << e.what() << "\n";
        return exit_input_error;
    }

    // Certificate files are read before any check runs; an unreadable one stops the run.
    checks::CertificateSettings certificates;
    std::string certificate_error;
    if (!load_certificate_settings(a.certificates, model, *now, certificates, certificate_error)) {
        std::cerr << "edgeplan plan: " << certificate_error << "\n";
        return exit_input_error;
    }
    report::OutputSet files;
    add_report_outputs(outputs, files);
    try {
        files.prepare(run_inputs(a.topology, a.settings, a.baseline, a.waivers, a.certificates,
                                 certificates, model));
    } catch (const report::OutputError& e) {
        std::cerr << "edgeplan plan: " << e.what() << "\n";
        return exit_input_error;
    }
    topology::Plan plan = topology::derive_plan(model);
    // The renderers and exports read only the report: build_report takes the model and releases
    // it once the checks have run, so the largest inputs do not hold it beside every finding.
    const report::Report r =
        build_report(a, std::move(model), std::move(plan), *now, gate, certificates);
    try {
        emit_exports(a, r);
        render_report_outputs(r, outputs, a.text, files);
        files.commit();
    } catch (const report::OutputError& e) {
        std::cerr << "edgeplan plan: " << e.what() << "\n";
        return exit_tool_error;
    }
    if (!a.quiet && !print_report(r, a.format, a.text)) {
        std::cerr << "edgeplan plan: cannot write the report to standard output\n";
        return exit_tool_error;
    }
    return exit_code_for(r, a.fail_on == "warn");
}

}  // namespace edgeplan::app
