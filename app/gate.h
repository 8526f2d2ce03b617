#pragma once
// The CI gate (docs/exit-codes.md, docs/waivers.md): reading --baseline and --waivers, marking
// the findings they accept, and the one place a report becomes an exit code (plan, check).
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "checks/waiver.h"
#include "report/plan_diff.h"
#include "report/report.h"

namespace edgeplan::app {

// A --baseline or --waivers file that cannot be used: an input error (exit 2).
class GateInputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The statuses of a previous JSON report, by (check ID, subject).
struct Baseline {
    std::map<report::FindingKey, checks::Status> statuses;
};

// Minimal structure of docs/schema/report.schema.json: schema_version 1.x and findings with
// string check_id, subject and a known status. Throw GateInputError naming `path`.
Baseline parse_baseline(const std::string& text, const std::string& path);
Baseline read_baseline(const std::string& path);

// docs/waivers.md, docs/schema/waivers.schema.json. Throw GateInputError naming `path`.
std::vector<checks::Waiver> parse_waivers(const std::string& text, const std::string& path);
std::vector<checks::Waiver> read_waivers(const std::string& path);

// Marks findings the baseline already knew (same or worse status there) and findings an active
// waiver covers; only fail and warn findings are marked, WAIVER-01 findings never. Sets
// r.gated, and r.baseline / r.expired_waivers for the inputs given. Either input may be null.
void apply_gate(report::Report& r, const Baseline* baseline,
                const std::vector<checks::Waiver>* waivers, checks::Clock::time_point now);

// What `--baseline` and `--waivers` gave a plan or check run; empty paths when not given.
struct GateInputs {
    std::string baseline_path;
    std::string waivers_path;
    std::optional<Baseline> baseline;
    std::optional<std::vector<checks::Waiver>> waivers;

    // Reads the files named (throws GateInputError).
    static GateInputs read(const std::string& baseline_path, const std::string& waivers_path);
    // For CheckContext::waivers: null when --waivers was not given.
    const std::vector<checks::Waiver>* waiver_list() const { return waivers ? &*waivers : nullptr; }
    // Lists the files among r.inputs and calls apply_gate.
    void apply(report::Report& r, checks::Clock::time_point now) const;
};

// `edgeplan diff`: 1 if the change brings a new failing finding (or a new warning, with
// fail_on_warn), else 0. Findings that were already failing do not count.
int exit_code_for(const report::Diff& diff, bool fail_on_warn);

// STYLE.md: 1 if a finding that counts fails (or warns, with fail_on_warn), else 3 if one is
// `error`, else 0. Findings marked by apply_gate do not count.
int exit_code_for(const report::Report& r, bool fail_on_warn);

}  // namespace edgeplan::app
