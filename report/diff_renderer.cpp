// render_diff_text and diff_to_json (docs/diff-format.md). No wall clock: the same two inputs
// and --now give the same bytes, so a diff can be a golden file (docs/examples/).
#include "report/diff_renderer.h"

#include <string>
#include <vector>

#include "report/text_table.h"
#include "topology/strings.h"

namespace edgeplan::report {
namespace {

using nlohmann::json;
using text::clean;

constexpr const char* schema_version = "1.0";

using strings::join;

std::string status_text(const std::optional<checks::Status>& s) {
    return s ? to_string(*s) : "absent";
}

json status_json(const std::optional<checks::Status>& s) {
    return s ? json(to_string(*s)) : json(nullptr);
}

std::string ports(const topology::FirewallRule& r) {
    return r.port_from == r.port_to ? std::to_string(r.port_from)
                                    : std::to_string(r.port_from) + "-" + std::to_string(r.port_to);
}

// "+a +b -c": one set change as the text tables show it.
std::string change_text(const SetChange& c) {
    std::vector<std::string> parts;
    for (const std::string& a : c.added) parts.push_back("+" + a);
    for (const std::string& r : c.removed) parts.push_back("-" + r);
    return join(parts, " ");
}

std::vector<std::string> eku_names(const topology::CertificateRequest& c) {
    std::vector<std::string> out;
    for (topology::ExtendedKeyUsage e : c.ekus) out.push_back(to_string(e));
    return out;
}

// ---- text ----

void dns_text(const Diff& d, std::ostream& out) {
    text::section(out, "DNS records");
    text::Table table(
        {"CHANGE", "ZONE", "NAME", "TYPE", "VALUE", "PORT", "PRIORITY", "WEIGHT", "RULE"});
    auto row = [&](const char* change, const topology::DnsRecord& r) {
        const bool srv = r.type == topology::DnsRecordType::srv;
        table.add_row({change, std::string(to_string(r.zone_kind)) + " " + r.zone, r.name,
                       to_string(r.type), r.value, srv ? std::to_string(r.port) : "",
                       srv ? std::to_string(r.priority) : "", srv ? std::to_string(r.weight) : "",
                       r.rule});
    };
    for (const auto& r : d.dns_added) row("+", r);
    for (const auto& r : d.dns_removed) row("-", r);
    if (table.empty()) out << "  (no change)\n";
    table.render(out, "  ");
    out << "\n";
}

void firewall_text(const Diff& d, std::ostream& out) {
    text::section(out, "Firewall rules");
    text::Table table({"CHANGE", "POOL", "SIDE", "DIRECTION", "TRANSPORT", "PORTS", "RULE",
                       "DESTINATION", "DETAIL"});
    auto row = [&](const char* change, const topology::FirewallRule& r, std::string detail) {
        table.add_row({change, r.pool_id, to_string(r.side), to_string(r.direction),
                       to_string(r.transport), ports(r), r.rule, r.destination.label,
                       std::move(detail)});
    };
    auto addresses = [](const topology::FirewallRule& r) {
        return join(r.destination.addresses.empty() ? r.probe_addresses : r.destination.addresses);
    };
    for (const auto& r : d.firewall_added) row("+", r, addresses(r));
    for (const auto& r : d.firewall_removed) row("-", r, addresses(r));
    for (const FirewallChange& c : d.firewall_changed) {
        std::vector<std::string> parts;
        if (!c.source.empty()) parts.push_back("source " + change_text(c.source));
        if (!c.destination.empty()) parts.push_back("destination " + change_text(c.destination));
        if (!c.probe.empty()) parts.push_back("probe " + change_text(c.probe));
        row("~", c.after, join(parts, "; "));
    }
    if (table.empty()) out << "  (no change)\n";
    table.render(out, "  ");
    out << "\n";
}

void certificates_text(const Diff& d, std::ostream& out) {
    text::section(out, "Certificates");
    text::Table table({"CHANGE", "POOL", "USE", "SUBJECT", "DETAIL"});
    auto whole = [&](const char* change, const topology::CertificateRequest& c) {
        table.add_row({change, c.pool_id, to_string(c.use), c.subject,
                       "SAN " + join(c.sans) + "; EKU " + join(eku_names(c))});
    };
    for (const auto& c : d.certificates_added) whole("+", c);
    for (const auto& c : d.certificates_removed) whole("-", c);
    for (const CertificateChange& c : d.certificates_changed) {
        std::vector<std::string> parts;
        if (c.before.subject != c.after.subject) {
            parts.push_back("subject " + c.before.subject + " -> " + c.after.subject);
        }
        if (!c.sans.empty()) parts.push_back("SAN " + change_text(c.sans));
        if (!c.ekus.empty()) parts.push_back("EKU " + change_text(c.ekus));
        table.add_row(
            {"~", c.after.pool_id, to_string(c.after.use), c.after.subject, join(parts, "; ")});
    }
    if (table.empty()) out << "  (no change)\n";
    table.render(out, "  ");
    out << "\n";
}

void findings_text(const Diff& d, std::ostream& out) {
    text::section(out, "Offline findings");
    text::Table table({"CHANGE", "NOW", "BEFORE", "CHECK", "SUBJECT", "MESSAGE"});
    for (const auto* list : {&d.findings_new, &d.findings_resolved}) {
        for (const FindingChange& c : *list) {
            table.add_row({list == &d.findings_new ? "new" : "resolved", status_text(c.after),
                           status_text(c.before), c.check_id, c.subject, c.message});
        }
    }
    if (table.empty()) out << "  (no new or resolved failure or warning)\n";
    table.render(out, "  ");
    out << "  (" << d.findings_unchanged
        << " failing or warning finding(s) unchanged on both sides)\n\n";
}

int plan_changes(const Diff& d) {
    return static_cast<int>(d.dns_added.size() + d.dns_removed.size() + d.firewall_added.size() +
                            d.firewall_removed.size() + d.firewall_changed.size() +
                            d.certificates_added.size() + d.certificates_removed.size() +
                            d.certificates_changed.size());
}

int count_new(const Diff& d, checks::Status status) {
    int n = 0;
    for (const FindingChange& c : d.findings_new) n += c.after == status ? 1 : 0;
    return n;
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
    dns_text(r.diff, out);
    firewall_text(r.diff, out);
    certificates_text(r.diff, out);
    findings_text(r.diff, out);
    const Diff& d = r.diff;
    out << "diff: " << plan_changes(d) << " plan change(s); " << d.findings_new.size()
        << " new finding(s) (" << count_new(d, checks::Status::fail) << " fail, "
        << count_new(d, checks::Status::warn) << " warn), " << d.findings_resolved.size()
        << " resolved\n";
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
                {"changed", std::move(changed_certs)}}}}},
            {"findings",
             {{"new", list_json(d.findings_new, finding_change_json)},
              {"resolved", list_json(d.findings_resolved, finding_change_json)},
              {"unchanged", d.findings_unchanged}}},
            {"summary",
             {{"plan_changes", plan_changes(d)},
              {"new", d.findings_new.size()},
              {"new_fail", count_new(d, checks::Status::fail)},
              {"new_warn", count_new(d, checks::Status::warn)},
              {"resolved", d.findings_resolved.size()},
              {"unchanged", d.findings_unchanged}}}};
}

}  // namespace edgeplan::report
