// to_json: the report document of docs/schema/report.schema.json. Objects are nlohmann::json,
// whose keys serialise sorted: the order is deterministic, and every sequence that carries
// meaning (inputs, options, evidence, findings, plan rows) is an array in report order.
#include <nlohmann/json.hpp>

#include "report/finding_groups.h"
#include "report/json_location.h"
#include "report/json_stream.h"
#include "report/partner_table.h"
#include "report/renderers.h"
#include "report/source_links.h"
#include "report/verdict.h"

namespace edgeplan::report {
namespace {

using nlohmann::json;

// Bump the major part when a field changes meaning or disappears; the minor part for additions.
constexpr const char* schema_version = "1.1";
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
            json one = {{"key", c.key}, {"page", c.page}};
            if (const std::string url = citation_url(c); !url.empty()) one["url"] = url;
            citation.push_back(std::move(one));
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

// Where and how `check` probed (report.h ProbeContext).
json probe_json(const ProbeContext& p) {
    json servers = json::array();
    for (const DnsServerUse& d : p.dns_servers) {
        servers.push_back(
            {{"server", d.server}, {"view", d.view}, {"asked", d.asked}, {"answered", d.answered}});
    }
    json j = {{"from", p.from},
              {"source_address", p.source_address},
              {"dns_servers", std::move(servers)},
              {"timeout_ms", p.timeout_ms}};
    if (!p.responder.empty()) j["responder"] = p.responder;
    if (!p.replay.empty()) j["replay"] = p.replay;
    return j;
}

json groups_json(const Report& r, const std::vector<FindingGroup>& groups) {
    json out = json::array();
    for (const FindingGroup& g : groups) {
        json members = json::array();
        for (std::size_t i : g.members) {
            members.push_back(
                {{"check_id", r.findings[i].check_id}, {"subject", r.findings[i].subject}});
        }
        out.push_back({{"id", g.id},
                       {"cause", g.cause},
                       {"status", to_string(g.status)},
                       {"count", g.members.size()},
                       {"findings", std::move(members)}});
    }
    return out;
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

// Every check of the run's catalogue, also those without a finding (SARIF lists them as rules,
// HTML in its checks section), with the fields a finding does not carry (scenarios, and the
// check's own remediation beside a finding's more precise one): `edgeplan render` rebuilds the
// Report from this document alone (report/json_report_reader.h).
json catalogue_json(const std::map<CatalogueKey, checks::CheckInfo>& catalogue) {
    json out = json::array();
    for (const auto& [key, info] : catalogue) {
        json citations = json::array();
        for (const checks::Citation& c : info.citations) {
            citations.push_back({{"key", c.key}, {"page", c.page}});
        }
        out.push_back({{"id", info.id},
                       {"title", info.title},
                       {"area", info.area},
                       {"kind", to_string(info.kind)},
                       {"severity", to_string(info.severity)},
                       {"scenarios", info.scenarios},
                       {"citation", std::move(citations)},
                       {"remediation", info.remediation}});
    }
    return out;
}

// What the gate was given, beyond the marks on findings: the statuses of the --baseline report
// (SARIF baselineState) and the waivers that had expired (JUnit and SARIF notes). Each key is
// present exactly when its input was given.
json gate_json(const Report& r) {
    json j = json::object();
    if (r.baseline) {
        json statuses = json::array();
        for (const auto& [key, status] : *r.baseline) {
            statuses.push_back(
                {{"check_id", key.first}, {"subject", key.second}, {"status", to_string(status)}});
        }
        j["baseline"] = std::move(statuses);
    }
    if (r.expired_waivers) {
        json expired = json::array();
        for (const auto& [key, w] : *r.expired_waivers) {
            expired.push_back({{"check_id", key.first},
                               {"subject", key.second},
                               {"reason", w.reason},
                               {"expires", w.expires}});
        }
        j["expired_waivers"] = std::move(expired);
    }
    return j;
}

}  // namespace

nlohmann::json to_json(const Report& report) {
    const std::vector<FindingGroup> groups = root_cause_groups(report);
    const std::vector<int> group_of = group_of_findings(report, groups);
    json findings = json::array();
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const checks::Finding& f = report.findings[i];
        json j = finding_json(f, report.info_for(f), report.acceptance_for(f));
        // Every finding stays; those sharing a root cause name it (the "groups" entry).
        if (group_of[i] >= 0) j["group"] = groups[static_cast<std::size_t>(group_of[i])].id;
        findings.push_back(std::move(j));
    }
    const Verdict verdict = verdict_of(report);
    json document = {{"schema_version", schema_version},
                     {"tool", {{"name", tool_name}, {"version", report.tool_version}}},
                     {"command", report.command},
                     {"fail_on", report.fail_on_warn ? "warn" : "fail"},
                     {"catalogue", catalogue_json(report.catalogue)},
                     {"started_at", report.started_at},
                     {"now", report.now},
                     {"inputs", inputs_json(report.inputs)},
                     {"options", options_json(report.options)},
                     {"plan", plan_to_json(report.plan)},
                     {"findings", std::move(findings)},
                     {"groups", groups_json(report, groups)},
                     {"verdict", to_string(verdict.kind)},
                     {"summary", summary_json(report)}};
    if (report.gated) document["gate"] = gate_json(report);
    if (report.probe) document["probe"] = probe_json(*report.probe);
    if (!report.partners.empty()) document["partners"] = partners_to_json(report.partners);
    return document;
}

void write_json(const Report& report, std::ostream& out) {
    using json_stream::put;
    using json_stream::put_key;
    // to_json(report).dump(2) + "\n", key by key in nlohmann's sorted order, with the findings
    // and the plan written one element at a time.
    const std::vector<FindingGroup> groups = root_cause_groups(report);
    const std::vector<int> group_of = group_of_findings(report, groups);
    out << "{\n";
    put_key(out, "catalogue", 1);
    put(out, catalogue_json(report.catalogue), 1);
    out << ",\n";
    put_key(out, "command", 1);
    put(out, report.command, 1);
    out << ",\n";
    put_key(out, "fail_on", 1);
    put(out, report.fail_on_warn ? "warn" : "fail", 1);
    out << ",\n";
    put_key(out, "findings", 1);
    std::size_t index = 0;
    json_stream::put_array(out, report.findings, 1, [&](const checks::Finding& f) {
        json j = finding_json(f, report.info_for(f), report.acceptance_for(f));
        const int group = group_of[index++];
        if (group >= 0) j["group"] = groups[static_cast<std::size_t>(group)].id;
        return j;
    });
    out << ",\n";
    if (report.gated) {
        put_key(out, "gate", 1);
        put(out, gate_json(report), 1);
        out << ",\n";
    }
    put_key(out, "groups", 1);
    put(out, groups_json(report, groups), 1);
    out << ",\n";
    put_key(out, "inputs", 1);
    put(out, inputs_json(report.inputs), 1);
    out << ",\n";
    put_key(out, "now", 1);
    put(out, report.now, 1);
    out << ",\n";
    put_key(out, "options", 1);
    put(out, options_json(report.options), 1);
    out << ",\n";
    if (!report.partners.empty()) {
        put_key(out, "partners", 1);
        put(out, partners_to_json(report.partners), 1);
        out << ",\n";
    }
    put_key(out, "plan", 1);
    json_stream::put_plan(out, report.plan, 1);
    out << ",\n";
    if (report.probe) {
        put_key(out, "probe", 1);
        put(out, probe_json(*report.probe), 1);
        out << ",\n";
    }
    put_key(out, "schema_version", 1);
    put(out, schema_version, 1);
    out << ",\n";
    put_key(out, "started_at", 1);
    put(out, report.started_at, 1);
    out << ",\n";
    put_key(out, "summary", 1);
    put(out, summary_json(report), 1);
    out << ",\n";
    put_key(out, "tool", 1);
    put(out, {{"name", tool_name}, {"version", report.tool_version}}, 1);
    out << ",\n";
    put_key(out, "verdict", 1);
    put(out, to_string(verdict_of(report).kind), 1);
    out << "\n}\n";
}

}  // namespace edgeplan::report
