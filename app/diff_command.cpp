// `edgeplan diff`: load both topologies, derive both plans, run the offline checks on both,
// then report/plan_diff.h compares them. The exit code says whether the change brings a new
// failure (app/gate.h).
#include "app/diff_command.h"

#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "app/certificate_options.h"
#include "app/clock.h"
#include "app/exit_codes.h"
#include "app/gate.h"
#include "app/report_inputs.h"
#include "app/report_outputs.h"
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
    checks::CertificateSettings certificates;  // the files the topology names, read
    std::vector<report::DeclaredCertificate> declared;
};

// A certificate file that cannot be read stops the diff, as it stops plan (exit 2).
class CertificateFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::string eku_name(const std::string& oid) {
    if (oid == checks::certificates::kEkuServerAuth) return "serverAuth";
    if (oid == checks::certificates::kEkuClientAuth) return "clientAuth";
    return oid;
}

// The <Certificate> elements of every pool, with what each named file holds.
std::vector<report::DeclaredCertificate> declared_certificates(
    const topology::Model& model, const checks::CertificateSettings& loaded) {
    std::vector<report::DeclaredCertificate> out;
    for (const topology::EdgePool& pool : model.edge_pools) {
        for (const topology::CertificateSpec& spec : pool.certificates) {
            report::DeclaredCertificate c;
            c.pool_id = pool.id;
            c.use = spec.use;
            c.file = spec.file;
            c.where = spec.where;
            c.subject = spec.subject.value_or("");
            c.sans = spec.sans;
            if (spec.server_eku.value_or(false)) c.ekus.push_back("serverAuth");
            if (spec.client_eku.value_or(false)) c.ekus.push_back("clientAuth");
            for (const checks::CertificateFile& file : loaded.files) {
                if (spec.file.empty() || file.pool_id != pool.id || file.use != spec.use ||
                    file.where.line != spec.where.line || file.where.file != spec.where.file) {
                    continue;
                }
                const checks::certificates::CertificateFacts& leaf = file.chain.leaf;
                if (!spec.subject) c.subject = leaf.subject_cn;
                if (spec.sans.empty()) c.sans = leaf.san_dns;
                if (!spec.server_eku && !spec.client_eku) {
                    c.ekus.clear();
                    for (const std::string& oid : leaf.ekus) c.ekus.push_back(eku_name(oid));
                }
                c.not_after = checks::certificates::format_utc(leaf.not_after);
            }
            out.push_back(std::move(c));
        }
    }
    return out;
}

Side evaluate(const std::string& topology_path, const std::string& settings_path,
              const std::vector<std::string>& settings_dirs, TimePoint now) {
    topology::LoadRequest request;
    request.topology_path = topology_path;
    request.settings_path = settings_path;
    request.settings_dirs = settings_dirs;
    Side side;
    side.model = topology::load_model(request);
    side.plan = topology::derive_plan(side.model);
    std::string error;
    if (!load_certificate_settings(CertificateArguments{}, side.model, now, side.certificates,
                                   error)) {
        throw CertificateFileError(error);
    }
    side.declared = declared_certificates(side.model, side.certificates);
    const auto all = checks::make_all_checks();
    std::vector<const checks::Check*> offline;
    for (const auto& check : all) {
        if (check->info().kind == checks::CheckKind::offline) offline.push_back(check.get());
    }
    checks::CheckContext context{side.model, side.plan, now};
    context.certificates = &side.certificates;
    side.findings = checks::run_checks(offline, context);
    return side;
}

std::string render(const report::DiffReport& r, const std::string& format, bool fail_on_warn) {
    if (format == "json") {
        return report::diff_to_json(r).dump(2, ' ', false,
                                            nlohmann::json::error_handler_t::replace) +
               "\n";
    }
    if (format == "sarif") {
        return report::diff_to_sarif(r).dump(2, ' ', false,
                                             nlohmann::json::error_handler_t::replace) +
               "\n";
    }
    std::ostringstream out;
    if (format == "markdown") {
        report::render_diff_markdown(r, out);
    } else if (format == "html") {
        report::render_diff_html(r, out);
    } else if (format == "junit") {
        report::render_diff_junit(r, fail_on_warn, out);
    } else {
        report::render_diff_text(r, out);
    }
    return out.str();
}

void add_inputs(report::DiffReport& r, const char* prefix, const std::string& topology_path,
                const std::string& settings_path, const topology::Model& model) {
    for (report::InputFile& input :
         model_inputs(model, topology_path, settings_path, std::string(prefix) + "-")) {
        r.inputs.push_back(std::move(input));
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
    if (!is_report_format(a.format)) return usage("--format must be " + report_format_list());
    if (a.fail_on != "fail" && a.fail_on != "warn") return usage("--fail-on must be fail or warn");
    std::vector<ReportOutput> outputs;
    std::string output_error;
    if (!parse_report_outputs(a.outputs, outputs, output_error)) return usage(output_error);

    const std::string old_settings = a.old_settings.empty() ? a.settings : a.old_settings;
    const std::vector<std::string>& old_dirs =
        a.old_settings_dirs.empty() ? a.settings_dirs : a.old_settings_dirs;
    Side before;
    Side after;
    try {
        before = evaluate(a.old_topology, old_settings, old_dirs, *now);
        after = evaluate(a.new_topology, a.settings, a.settings_dirs, *now);
    } catch (const topology::InputError& e) {
        std::cerr << "edgeplan: " << e.what() << "\n";
        return exit_input_error;
    } catch (const CertificateFileError& e) {
        return usage(e.what());
    }
    // Every output is checked before anything is written: none may be an input.
    report::OutputSet files;
    add_report_outputs(outputs, files);
    try {
        std::vector<std::string> inputs{a.old_topology, old_settings, a.new_topology, a.settings};
        for (const Side* side : {&before, &after}) {
            for (const checks::CertificateFile& file : side->certificates.files) {
                inputs.push_back(file.open_path);
            }
            for (const topology::Model::ExportInput& e : side->model.exports) {
                inputs.push_back(e.path);
            }
        }
        files.prepare(inputs);
    } catch (const report::OutputError& e) {
        return usage(e.what());
    }

    report::DiffReport r;
    r.tool_version = EDGEPLAN_VERSION;
    r.now = format_iso_utc(*now);
    add_inputs(r, "old", a.old_topology, old_settings, before.model);
    add_inputs(r, "new", a.new_topology, a.settings, after.model);
    r.options.emplace_back("command_line", a.command_line);
    r.diff = report::diff_plans(before.plan, before.findings, after.plan, after.findings,
                                before.declared, after.declared);

    const bool fail_on_warn = a.fail_on == "warn";
    try {
        for (std::size_t i = 0; i < outputs.size(); ++i) {
            files.set_content(i, render(r, outputs[i].format, fail_on_warn));
        }
        files.commit();
    } catch (const report::OutputError& e) {
        std::cerr << "edgeplan diff: " << e.what() << "\n";
        return exit_tool_error;
    }
    if (!a.quiet) {
        std::cout << render(r, a.format, fail_on_warn);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "edgeplan diff: cannot write the diff to standard output\n";
            return exit_tool_error;
        }
    }
    return exit_code_for(r.diff, a.fail_on == "warn");
}

}  // namespace edgeplan::app
