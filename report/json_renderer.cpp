// to_json: the report document of docs/schema/report.schema.json. Objects are nlohmann::json,
// whose keys serialise sorted: the order is deterministic, and every sequence that carries
// meaning (inputs, options, evidence, findings, plan rows) is an array in report order.
#include <nlohmann/json.hpp>

#include "report/json_location.h"
#include "report/partner_table.h"
#include "report/renderers.h"

namespace edgeplan::report {
namespace {

using nlohmann::json;

// Bump the major part when a field changes meaning or disappears; the minor part for additions.
constexpr const char* schema_version = "1.0";
constexpr const char* tool_name = "edgeplan";

json inputs_json(const std::vector<InputFile>& inputs) {
    json out = json::array();
    for (const InputFile& i : inputs) {
        out.push_back(
            {{"role", i.role}, {"path", i.path}, {"sha256", i.sha256}, {"format", i.format}});
    }
    return out;
}

// An array of pairs, not an object: options repeat (--output) and their order is the user's.
json options_json(const std::vector<std::pair<std::string, std::string>>& options) {
    json out = json::array();
    for (const auto& [name, value] : options) out.push_back({{"name", name}, {"value", value}});
    return out;
}

json evidence_json(const checks::Evidence& evidence) {
    json out = json::array();
    for (const auto& [key, value] : evidence) out.push_back({{"key", key}, {"value", value}});
    return out;
}

json finding_json(const checks::Finding& f, const checks::CheckInfo* info,
                  const Acceptance* acceptance) {
    json j = {{"check_id", f.check_id},
              {"status", to_string(f.status)},
              {"subject", f.subject},
              {"message", f.message},
              {"evidence", evidence_json(f.evidence)}};
    if (f.status == checks::Status::skip) j["skip_reason"] = f.skip_reason;
    // The catalogue half: present whenever the report's catalogue knows the check, which is
    // always the case for reports edgeplan builds (report.h: every check that produced a finding).
    if (info != nullptr) {
        j["title"] = info->title;
        j["area"] = info->area;
        j["kind"] = to_string(info->kind);
        j["severity"] = to_string(info->severity);
        json citation = json::array();
        for (const checks::Citation& c : info->citations) {
            citation.push_back({{"key", c.key}, {"page", c.page}});
        }
        j["citation"] = std::move(citation);
        j["remediation"] = checks::remediation_of(f, *info);
    }
    add_location(j, f.where);
    // The gate's marks (app/gate.h): only on findings a --baseline or --waivers file accepted.
    if (acceptance != nullptr && acceptance->known) j["baseline"] = "known";
    if (acceptance != nullptr && acceptance->waiver) {
        j["waiver"] = {{"reason", acceptance->waiver->reason},
                       {"expires", acceptance->waiver->expires}};
    }
    return j;
}

json summary_json(const Report& r) {
    const Summary s = r.summary();
    json j = {{"pass", s.pass}, {"warn", s.warn},   {"fail", s.fail},
              {"skip", s.skip}, {"error", s.error}, {"total", s.total()}};
    if (r.gated) {
        int known = 0;
        int waived = 0;
        for (const checks::Finding& f : r.findings) {
            const Acceptance* a = r.acceptance_for(f);
            if (a == nullptr) continue;
            if (a->waiver) {
                ++waived;
            } else {
                ++known;
            }
        }
        j["known"] = known;
        j["waived"] = waived;
    }
    return j;
}

}  // namespace

nlohmann::json to_json(const Report& report) {
    json findings = json::array();
    for (const checks::Finding& f : report.findings) {
        findings.push_back(finding_json(f, report.info_for(f.check_id), report.acceptance_for(f)));
    }
    json out = {{"schema_version", schema_version},
                {"tool", {{"name", tool_name}, {"version", report.tool_version}}},
                {"command", report.command},
                {"started_at", report.started_at},
                {"now", report.now},
                {"inputs", inputs_json(report.inputs)},
                {"options", options_json(report.options)},
                {"plan", plan_to_json(report.plan)},
                {"findings", std::move(findings)},
                {"summary", summary_json(report)}};
    if (!report.partners.empty()) out["partners"] = partners_to_json(report.partners);
    return out;
}

}  // namespace edgeplan::report
