#pragma once
// Everything a renderer may see. Renderers (text, JSON, and later JUnit, SARIF, HTML) take a
// Report and nothing else: no model access beyond what is copied here, no network, no clock.
#include <map>
#include <optional>
#include <string>
#include <tuple>
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

// The key of a check's metadata in a report: an offline and a live check with one ID each keep
// their own entry (title, kind, remediation). Built from an ID alone, the key names the offline
// entry.
struct CatalogueKey {
    std::string id;
    checks::CheckKind kind = checks::CheckKind::offline;

    CatalogueKey(std::string id_, checks::CheckKind kind_ = checks::CheckKind::offline)
        : id(std::move(id_)), kind(kind_) {}
    CatalogueKey(const char* id_) : id(id_) {}
    bool operator<(const CatalogueKey& other) const {
        return std::tie(id, kind) < std::tie(other.id, other.kind);
    }
};
CatalogueKey catalogue_key(const checks::CheckInfo& info);

// Where and how `edgeplan check` probed, for the report header (docs/report-format.md): a
// reviewer must know the vantage point before trusting a "closed" or "no answer".
struct DnsServerUse {
    std::string server;  // ADDR[:PORT] as the run used it
    std::string view;    // "external" (--dns-server, resolv.conf) or "internal"
    int asked = 0;       // queries sent to it
    int answered = 0;    // queries that got an answer (anything but a timeout or network error)
};

struct ProbeContext {
    std::vector<std::string> from;  // external, internal, edge (--from)
    std::string source_address;     // --source-address; empty: the system chose
    std::string responder;          // --responder, with --from edge
    std::vector<DnsServerUse> dns_servers;
    long long timeout_ms = 0;  // --timeout, per network operation
    std::string replay;        // --replay FILE: recorded observations, nothing was probed
};

// (check ID, subject): the key baselines, waivers and diffs match findings by.
using FindingKey = std::pair<std::string, std::string>;

struct Report {
    std::string tool_version;
    std::string command;     // plan, check
    std::string started_at;  // ISO 8601 UTC: the header is the only place with wall time
    std::string now;         // the date the date-dependent rules used (--now), ISO 8601
    // --fail-on warn: a warning counts like a failure (exit code, JUnit <failure>). Kept in the
    // report so that `edgeplan render` renders JUnit as the run did.
    bool fail_on_warn = false;
    std::vector<InputFile> inputs;
    std::vector<std::pair<std::string, std::string>> options;  // as given, for reproduction
    std::optional<ProbeContext> probe;                         // `check` only
    topology::Plan plan;
    std::vector<checks::Finding> findings;  // sorted by (check ID, subject)
    // `edgeplan partners` only: one row per partner, failing first (report/partner_table.h).
    std::vector<checks::partners::PartnerRow> partners;
    std::map<CatalogueKey, checks::CheckInfo> catalogue;  // every check that produced a finding
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
    // The metadata of the check that produced `finding` (same ID and kind); a finding whose
    // kind has no entry (a report read back from JSON) gets the first entry of its ID.
    const checks::CheckInfo* info_for(const checks::Finding& finding) const;
    // "#check-<ID>" names an ID's first entry; a second entry of the same ID (the live check
    // beside an offline one) appends its kind.
    std::string anchor_id(const checks::CheckInfo& info) const;
    // The acceptance of a finding, or null when it counts as usual.
    const Acceptance* acceptance_for(const checks::Finding& finding) const;
    // The expired waiver naming a finding, or null.
    const checks::Waiver* expired_waiver_for(const checks::Finding& finding) const;
};

}  // namespace edgeplan::report
