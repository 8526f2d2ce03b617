// render_diff_text and diff_to_json (docs/diff-format.md). No wall clock: the same two inputs
// and --now give the same bytes, so a diff can be a golden file (docs/examples/).
#include "report/diff_renderer.h"

#include <string>
#include <vector>

#include "report/diff_sections.h"
#include "report/json_location.h"
#include "report/text_table.h"

namespace edgeplan::report {
namespace {

using nlohmann::json;
using text::clean;

constexpr const char* schema_version = "1.1";

json status_json(const std::optional<checks::Status>& s) {
    return s ? json(to_string(*s)) : json(nullptr);
}

std::vector<std::string> eku_names(const topology::CertificateRequest& c) {
    std::vector<std::string> out;
    for (topology::ExtendedKeyUsage e : c.ekus) out.push_back(to_string(e));
    return out;
}

// ---- JSON ----

json dns_json(const topology::DnsRecord& r) {
    return {{"zone_kind", to_string(r.zone_kind)},
            {"zone", r.zone},
            {"name", r.name},
            {"type", to_string(r.type)},
            {"value", r.value},
            {"port", r.port},
            {"priority", r.priority},
            {"weight", r.weight},
            {"rule", r.rule},
            {"pool_id", r.pool_id}};
}

json endpoint_json(const topology::RuleEndpoint& e) {
    return {{"label", e.label}, {"addresses", e.addresses}};
}

json rule_json(const topology::FirewallRule& r) {
    return {{"pool_id", r.pool_id},
            {"side", to_string(r.side)},
            {"direction", to_string(r.direction)},
            {"transport", to_string(r.transport)},
            {"port_from", r.port_from},
            {"port_to", r.port_to},
            {"rule", r.rule},
            {"row", r.row},
            {"protocol", r.protocol},
            {"source", endpoint_json(r.source)},
            {"destination", endpoint_json(r.destination)},
            {"probe_addresses", r.probe_addresses}};
}

json cert_json(const topology::CertificateRequest& c) {
    return {{"pool_id", c.pool_id},
            {"use", to_string(c.use)},
            {"subject", c.subject},
            {"sans", c.sans},
            {"ekus", eku_names(c)}};
}

json set_json(const SetChange& c) { return {{"added", c.added}, {"removed", c.removed}}; }

json declared_json(const DeclaredCertificate& c) {
    json j = {{"pool_id", c.pool_id},    {"use", to_string(c.use)}, {"file", c.file},
              {"subject", c.subject},    {"sans", c.sans},          {"ekus", c.ekus},
              {"not_after", c.not_after}};
    add_location(j, c.where);
    return j;
}

template <typename T, typename F>
json list_json(const std::vector<T>& items, F to) {
    json out = json::array();
    for (const T& item : items) out.push_back(to(item));
    return out;
}

json finding_change_json(const FindingChange& c) {
    return {{"check_id", c.check_id},
            {"subject", c.subject},
            {"before", status_json(c.before)},
            {"after", status_json(c.after)},
            {"message", c.message}};
}

}  // namespace

void render_diff_text(const DiffReport& r, std::ostream& out) {
    out << "edgeplan " << clean(r.tool_version) << " - diff\n";
    for (const InputFile& i : r.inputs) {
        out << "input:   " << clean(i.role) << " " << clean(i.path);
        if (!i.format.empty()) out << " (" << clean(i.format) << ")";
        out << "\n";
    }
    out << "now:     " << clean(r.now) << "\n\n";
    for (const DiffSection& s : diff_sections(r.diff)) {
        text::section(out, s.title);
        if (s.rows.empty()) {
            out << "  " << s.empty_note << "\n";
        } else {
            text::Table table(s.headers);
            for (const auto& row : s.rows) table.add_row(row);
            table.render(out, "  ");
        }
        if (!s.footer.empty()) out << "  " << s.footer << "\n";
        out << "\n";
    }
    out << "diff: " << diff_summary(r.diff) << "\n";
}

nlohmann::json diff_to_json(const DiffReport& r) {
    const Diff& d = r.diff;
    json inputs = json::array();
    for (const InputFile& i : r.inputs) {
        inputs.push_back(
            {{"role", i.role}, {"path", i.path}, {"sha256", i.sha256}, {"format", i.format}});
    }
    json options = json::array();
    for (const auto& [name, value] : r.options)
        options.push_back({{"name", name}, {"value", value}});
    json changed_rules = json::array();
    for (const FirewallChange& c : d.firewall_changed) {
        changed_rules.push_back({{"before", rule_json(c.before)},
                                 {"after", rule_json(c.after)},
                                 {"source", set_json(c.source)},
                                 {"destination", set_json(c.destination)},
                                 {"probe_addresses", set_json(c.probe)}});
    }
    json changed_certs = json::array();
    for (const CertificateChange& c : d.certificates_changed) {
        changed_certs.push_back({{"before", cert_json(c.before)},
                                 {"after", cert_json(c.after)},
                                 {"sans", set_json(c.sans)},
                                 {"ekus", set_json(c.ekus)}});
    }
    json changed_declared = json::array();
    for (const DeclaredCertificateChange& c : d.declared_changed) {
        changed_declared.push_back({{"before", declared_json(c.before)},
                                    {"after", declared_json(c.after)},
                                    {"sans", set_json(c.sans)},
                                    {"ekus", set_json(c.ekus)}});
    }
    return {{"schema_version", schema_version},
            {"tool", {{"name", "edgeplan"}, {"version", r.tool_version}}},
            {"command", "diff"},
            {"now", r.now},
            {"inputs", std::move(inputs)},
            {"options", std::move(options)},
            {"plan",
             {{"dns",
               {{"added", list_json(d.dns_added, dns_json)},
                {"removed", list_json(d.dns_removed, dns_json)}}},
              {"firewall",
               {{"added", list_json(d.firewall_added, rule_json)},
                {"removed", list_json(d.firewall_removed, rule_json)},
                {"changed", std::move(changed_rules)}}},
              {"certificates",
               {{"added", list_json(d.certificates_added, cert_json)},
                {"removed", list_json(d.certificates_removed, cert_json)},
                {"changed", std::move(changed_certs)}}},
              {"declared_certificates",
               {{"added", list_json(d.declared_added, declared_json)},
                {"removed", list_json(d.declared_removed, declared_json)},
                {"changed", std::move(changed_declared)}}}}},
            {"findings",
             {{"new", list_json(d.findings_new, finding_change_json)},
              {"resolved", list_json(d.findings_resolved, finding_change_json)},
              {"unchanged", d.findings_unchanged}}},
            {"summary",
             {{"plan_changes", plan_change_count(d)},
              {"new", d.findings_new.size()},
              {"new_fail", count_new(d, checks::Status::fail)},
              {"new_warn", count_new(d, checks::Status::warn)},
              {"resolved", d.findings_resolved.size()},
              {"unchanged", d.findings_unchanged}}}};
}

}  // namespace edgeplan::report
