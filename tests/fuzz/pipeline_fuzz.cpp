// The whole `edgeplan plan` pipeline on one input: load (any of the three formats, through the
// same loader the command uses) -> plan -> every offline check -> every renderer. Properties:
// only topology::InputError may escape the loader; no check fails to run (an exception in a
// check is a bug, which the runner would hide as an `error` finding); every renderer accepts
// whatever the loader accepted (invalid UTF-8 once reached the JSON writer and exit 3).
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/report_outputs.h"
#include "checks/registry.h"
#include "checks/runner.h"
#include "report/json_report_reader.h"
#include "tests/fuzz/fuzz_target.h"
#include "topology/input_error.h"
#include "topology/loader.h"

namespace {

using namespace edgeplan;

const std::vector<std::unique_ptr<checks::Check>>& all_checks() {
    static const auto all = checks::make_all_checks();
    return all;
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(pipeline) {
    if (size == 0) return;  // an empty text would make the loader read topology_path instead
    topology::LoadRequest request;
    request.topology_path = "topology.xml";
    request.topology_text.assign(reinterpret_cast<const char*>(data), size);
    topology::Model model;
    try {
        model = topology::load_model(request);
    } catch (const topology::InputError&) {
        return;
    }
    report::Report r;
    r.command = "plan";
    std::vector<const checks::Check*> offline;
    for (const auto& check : all_checks()) {
        if (check->info().kind != checks::CheckKind::offline) continue;
        offline.push_back(check.get());
        r.catalogue[report::catalogue_key(check->info())] = check->info();
    }
    r.plan = topology::derive_plan(model);
    // A fixed date keeps every run of one input the same.
    const auto now = checks::UtcClock::time_point(std::chrono::seconds(1780000000));
    checks::CheckContext context{model, r.plan, now};
    r.findings = checks::run_checks(offline, context);
    for (const checks::Finding& f : r.findings) {
        fuzz::require(f.status != checks::Status::error,
                      "check " + f.check_id + " failed to run on " + f.subject + ": " + f.message);
    }
    for (const char* format : {"text", "json", "junit", "sarif", "html", "markdown"}) {
        const std::string out = app::render_report(r, format, report::TextOptions{});
        fuzz::require(!out.empty(), std::string("empty ") + format + " report");
    }
    // `edgeplan render` reads back what JSON wrote: the round trip changes nothing.
    const std::string json = app::render_report(r, "json", report::TextOptions{});
    const report::Report again = report::report_from_json_text(json, "report.json");
    fuzz::require(app::render_report(again, "json", report::TextOptions{}) == json,
                  "the JSON report does not survive report_from_json_text");
    fuzz::require(app::render_report(again, "html", report::TextOptions{}) ==
                      app::render_report(r, "html", report::TextOptions{}),
                  "a re-read report renders other HTML");
}
