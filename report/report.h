#pragma once
// Everything a renderer may see. Renderers (text, JSON, and later JUnit, SARIF, HTML) take a
// Report and nothing else: no model access beyond what is copied here, no network, no clock.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "checks/finding.h"
#include "checks/partners/partner_rules.h"
#include "checks/waiver.h"
#include "topology/model.h"
#include "topology/plan.h"

namespace edgeplan::report {

struct InputFile {
    std::string role;  // "topology" or "settings"
    std::string path;
    std::string sha256;  // hex
    std::string format;  // edgeplan, lync-published, lync-tbxml
};

struct Summary {
    int pass = 0;
    int warn = 0;
    int fail = 0;
    int skip = 0;
    int error = 0;
    int total() const { return pass + warn + fail + skip + error; }
};

// Why a finding does not count for the exit code (app/gate.h, docs/waivers.md): it already
// failed in the --baseline report ("known"), or a waiver of --waivers covers it.
struct Acceptance {
    bool known = false;
    std::optional<checks::Waiver> waiver;
};

// (check ID, subject): the key baselines, waivers and diffs match findings by.
using FindingKey = std::pair<std::string, std::string>;

struct Report {
    std::string tool_version;
    std::string command;     // plan, check
    std::string started_at;  // ISO 8601 UTC: the header is the only place with wall time
    std::string now;         // the date the date-dependent rules used (--now), ISO 8601
    std::vector<InputFile> inputs;
    std::vector<std::pair<std::string, std::string>> options;  // as given, for reproduction
    topology::Plan plan;
    std::vector<checks::Finding> findings;  // sorted by (check ID, subject)
    // `edgeplan partners` only: one row per partner, failing first (report/partner_table.h).
    std::vector<checks::partners::PartnerRow> partners;
    std::map<std::string, checks::CheckInfo> catalogue;  // every check that produced a finding
    // Set by the gate when --baseline or --waivers was given (then `gated` is true).
    std::map<FindingKey, Acceptance> accepted;
    bool gated = false;
    // Also set by the gate, for the formats that describe every finding against its inputs
    // (SARIF baselineState and suppressions, JUnit notes; docs/ci-integration.md): the statuses
    // of the --baseline report when one was given, and, when --waivers was given, the waivers
    // that had expired at --now by the finding they name (that finding counts again).
    std::optional<std::map<FindingKey, checks::Status>> baseline;
    std::optional<std::map<FindingKey, checks::Waiver>> expired_waivers;

    Summary summary() const;
    const checks::CheckInfo* info_for(const std::string& check_id) const;
    // The acceptance of a finding, or null when it counts as usual.
    const Acceptance* acceptance_for(const checks::Finding& finding) const;
    // The expired waiver naming a finding, or null.
    const checks::Waiver* expired_waiver_for(const checks::Finding& finding) const;
};

}  // namespace edgeplan::report
