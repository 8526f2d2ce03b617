// to_sarif: SARIF 2.1.0 (OASIS) for code-scanning views such as GitHub's upload-sarif
// (docs/ci-integration.md). One run; one rule per catalogue check; one result per finding that
// needs attention: fail (level error), warn (level warning) and error (level error, the tool could
// not decide). Passes and skips are left out: code scanning lists problems, and the JSON or HTML
// report is where a reviewer sees what passed. With --waivers, a waived result carries an
// accepted external suppression; with --baseline, every result its baselineState.
#include <cstdio>
#include <map>
#include <string>

#include "report/ci_renderers.h"
#include "report/finding_text.h"
#include "report/sha256.h"
#include "report/source_links.h"

namespace edgeplan::report {
namespace {

using checks::Status;
using nlohmann::json;

constexpr const char* sarif_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// Versioned key: a change of what the fingerprint hashes gets a new key, so a consumer never
// compares hashes of different things.
constexpr const char* fingerprint_key = "edgeplanSubject/v1";

const char* level_for(checks::Severity severity) {
    switch (severity) {
        case checks::Severity::must:
            return "error";
        case checks::Severity::should:
            return "warning";
        case checks::Severity::info:
            return "note";
    }
    return "none";
}

// A file path as a SARIF URI reference (RFC 3986): unreserved characters and '/' stay, the rest
// is percent-encoded; an absolute path becomes a file:// URI.
std::string path_to_uri(const std::string& path) {
    std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
    for (char ch : path) {
        const auto byte = static_cast<unsigned char>(ch);
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' ||
                          ch == '~' || ch == '/';
        if (keep) {
            out += ch;
        } else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned>(byte));
            out += buffer;
        }
    }
    return out;
}

std::string topology_path(const Report& r) {
    for (const InputFile& i : r.inputs) {
        if (i.role == "topology") return i.path;
    }
    return "";
}

json rule_json(const checks::CheckInfo& info) {
    std::string full = info.title;
    if (!info.scenarios.empty()) {
        full += " Applies to:";
        for (const std::string& s : info.scenarios) full += " " + s;
        full += ".";
    }
    full += " Severity: " + std::string(to_string(info.severity)) + ".";
    std::string help = "Fix: " + info.remediation;
    if (!info.citations.empty()) help += "\nSources: " + citation_text(info);
    json rule = {{"id", info.id},
                 {"name", info.id},
                 {"shortDescription", {{"text", info.title}}},
                 {"fullDescription", {{"text", full}}},
                 {"help", {{"text", help}}},
                 {"defaultConfiguration", {{"level", level_for(info.severity)}}},
                 {"properties",
                  {{"tags", json::array({info.area, to_string(info.kind)})},
                   {"severity", to_string(info.severity)}}}};
    // SARIF 2.1.0 reportingDescriptor.helpUri: the first source with a page to read; code
    // scanning views show it as the rule's "learn more" link.
    for (const checks::Citation& c : info.citations) {
        if (const std::string url = citation_url(c); !url.empty()) {
            rule["helpUri"] = url;
            break;
        }
    }
    return rule;
}

json location_json(const Report& r, const checks::Finding& f) {
    const std::string file = f.where.file.empty() ? topology_path(r) : f.where.file.str();
    json location = json::object();
    if (!file.empty()) {
        json physical = {{"artifactLocation", {{"uri", path_to_uri(file)}}}};
        // A region only for a position in the finding's own file: the fallback file has none.
        if (!f.where.file.empty() && f.where.known()) {
            json region = {{"startLine", f.where.line}};
            if (f.where.column > 0) region["startColumn"] = f.where.column;
            physical["region"] = std::move(region);
        }
        location["physicalLocation"] = std::move(physical);
    }
    if (!f.subject.empty()) {
        location["logicalLocations"] = json::array({{{"fullyQualifiedName", f.subject}}});
    }
    return location;
}

const char* result_level(Status status) {
    return status == Status::warn ? "warning" : "error";  // fail and error
}

bool is_problem(Status status) {
    return status == Status::fail || status == Status::warn || status == Status::error;
}

// SARIF 2.1.0, result.baselineState: "unchanged" when the baseline had the same (check ID, subject)
// with the same status, "updated" when it had it with another problem status (a failure that now
// only warns, a warning that now fails), "new" otherwise (absent, passing or skipped before).
const char* baseline_state(const std::map<FindingKey, Status>& baseline, const checks::Finding& f) {
    const auto it = baseline.find({f.check_id, f.subject});
    if (it == baseline.end() || !is_problem(it->second)) return "new";
    return it->second == f.status ? "unchanged" : "updated";
}

// SARIF 2.1.0, suppression object: an active waiver is a suppression persisted outside the source
// ("external") that the team has agreed to ("accepted"); its reason is the justification.
json suppression_json(const checks::Waiver& w) {
    return {{"kind", "external"},
            {"status", "accepted"},
            {"justification", w.reason},
            {"properties", {{"expires", w.expires}}}};
}

// The gate's view of a result (docs/ci-integration.md). SARIF 2.1.0 requires
// `suppressions` and `baselineState` on every result of a run or on none, so each is added to
// every result exactly when its input (--waivers, --baseline) was given.
void add_gate(json& result, std::string& text, const Report& r, const checks::Finding& f) {
    if (r.baseline) result["baselineState"] = baseline_state(*r.baseline, f);
    if (!r.expired_waivers) return;
    json suppressions = json::array();
    const Acceptance* a = r.acceptance_for(f);
    if (a != nullptr && a->waiver) suppressions.push_back(suppression_json(*a->waiver));
    result["suppressions"] = std::move(suppressions);
    // An expired waiver suppresses nothing: the finding stays a problem, with a note saying so.
    if (const checks::Waiver* expired = r.expired_waiver_for(f)) {
        text += " Waiver expired on " + expired->expires + " (WAIVER-01): " + expired->reason;
        result["properties"]["expiredWaiver"] = {{"reason", expired->reason},
                                                 {"expires", expired->expires}};
    }
}

json result_json(const Report& r, const checks::Finding& f, const json& rule_index) {
    std::string text = f.message;
    if (f.status == Status::error) text = "edgeplan could not decide: " + text;
    if (!f.subject.empty()) text += " [" + f.subject + "]";
    json result = {
        {"ruleId", f.check_id},
        {"level", result_level(f.status)},
        {"partialFingerprints", {{fingerprint_key, sha256_hex(f.check_id + "|" + f.subject)}}},
        {"properties", {{"edgeplanStatus", to_string(f.status)}, {"subject", f.subject}}}};
    add_gate(result, text, r, f);
    result["message"] = {{"text", text}};
    if (rule_index.contains(f.check_id)) result["ruleIndex"] = rule_index.at(f.check_id);
    json location = location_json(r, f);
    if (!location.empty()) result["locations"] = json::array({std::move(location)});
    if (!f.evidence.empty()) {
        json evidence = json::array();
        for (const auto& [key, value] : f.evidence) {
            evidence.push_back({{"key", key}, {"value", value}});
        }
        result["properties"]["evidence"] = std::move(evidence);
    }
    return result;
}

}  // namespace

nlohmann::json to_sarif(const Report& report) {
    json rules = json::array();
    json rule_index = json::object();
    // One SARIF rule per ID (sorted): an ID's first entry (the offline check when a live one
    // shares the ID) describes the rule; results of either kind point at it.
    for (const auto& [key, info] : report.catalogue) {
        if (rule_index.contains(key.id)) continue;
        rule_index[key.id] = rules.size();
        rules.push_back(rule_json(info));
    }
    json results = json::array();
    for (const checks::Finding& f : report.findings) {
        if (f.status == Status::pass || f.status == Status::skip) continue;
        results.push_back(result_json(report, f, rule_index));
    }
    json driver = {{"name", "edgeplan"}, {"rules", std::move(rules)}};
    if (!report.tool_version.empty()) driver["version"] = report.tool_version;
    json run = {{"tool", {{"driver", std::move(driver)}}}, {"results", std::move(results)}};
    return {{"$schema", sarif_schema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
}

}  // namespace edgeplan::report
