#include "report/diff_sections.h"

#include "topology/strings.h"

namespace edgeplan::report {
namespace {

using strings::join;

std::string status_text(const std::optional<checks::Status>& s) {
    return s ? to_string(*s) : "absent";
}

// "+a +b -c": one set change.
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

std::string from_to(const std::string& before, const std::string& after) {
    return (before.empty() ? "(none)" : before) + " -> " + (after.empty() ? "(none)" : after);
}

DiffSection dns_section(const Diff& d) {
    DiffSection s{"DNS records",
                  {"CHANGE", "ZONE", "NAME", "TYPE", "VALUE", "PORT", "PRIORITY", "WEIGHT", "RULE"},
                  {},
                  "(no change)",
                  ""};
    auto row = [&](const char* change, const topology::DnsRecord& r) {
        const bool srv = r.type == topology::DnsRecordType::srv;
        s.rows.push_back({change, std::string(to_string(r.zone_kind)) + " " + r.zone, r.name,
                          to_string(r.type), r.value, srv ? std::to_string(r.port) : "",
                          srv ? std::to_string(r.priority) : "",
                          srv ? std::to_string(r.weight) : "", r.rule});
    };
    for (const auto& r : d.dns_added) row("+", r);
    for (const auto& r : d.dns_removed) row("-", r);
    return s;
}

DiffSection firewall_section(const Diff& d) {
    DiffSection s{"Firewall rules",
                  // Direction, transport and ports in two narrow columns, as in the plan's
                  // table: nine columns at 100 wide cut catalogue IDs ("PORT-EXT-0" / "3").
                  {"CHANGE", "POOL", "SIDE", "DIR", "PORTS", "RULE", "DESTINATION", "DETAIL"},
                  {},
                  "(no change)",
                  ""};
    auto row = [&](const char* change, const topology::FirewallRule& r, std::string detail) {
        s.rows.push_back({change, r.pool_id, to_string(r.side), short_name(r.direction),
                          std::string(to_string(r.transport)) + " " + topology::port_range_text(r),
                          r.rule, r.destination.label, std::move(detail)});
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
        if (!c.probe.empty()) parts.push_back("public " + change_text(c.probe));
        row("~", c.after, join(parts, "; "));
    }
    return s;
}

std::string declared_text(const DeclaredCertificate& c) {
    std::vector<std::string> parts;
    if (!c.file.empty()) parts.push_back("file " + c.file);
    parts.push_back("SAN " + join(c.sans));
    parts.push_back("EKU " + join(c.ekus));
    if (!c.not_after.empty()) parts.push_back("expires " + c.not_after);
    return join(parts, "; ");
}

// The certificates the plan requires and those the topology declares, one section: a reviewer
// sees a renewed file (new expiry, a SAN dropped) beside the requirement it must meet.
DiffSection certificates_section(const Diff& d) {
    DiffSection s{"Certificates",
                  {"CHANGE", "POOL", "USE", "KIND", "SUBJECT", "DETAIL"},
                  {},
                  "(no change)",
                  ""};
    auto required = [&](const char* change, const topology::CertificateRequest& c) {
        s.rows.push_back({change, c.pool_id, to_string(c.use), "required", c.subject,
                          "SAN " + join(c.sans) + "; EKU " + join(eku_names(c))});
    };
    for (const auto& c : d.certificates_added) required("+", c);
    for (const auto& c : d.certificates_removed) required("-", c);
    for (const CertificateChange& c : d.certificates_changed) {
        std::vector<std::string> parts;
        if (c.before.subject != c.after.subject) {
            parts.push_back("subject " + from_to(c.before.subject, c.after.subject));
        }
        if (!c.sans.empty()) parts.push_back("SAN " + change_text(c.sans));
        if (!c.ekus.empty()) parts.push_back("EKU " + change_text(c.ekus));
        s.rows.push_back({"~", c.after.pool_id, to_string(c.after.use), "required", c.after.subject,
                          join(parts, "; ")});
    }
    auto declared = [&](const char* change, const DeclaredCertificate& c) {
        s.rows.push_back(
            {change, c.pool_id, to_string(c.use), "declared", c.subject, declared_text(c)});
    };
    for (const auto& c : d.declared_added) declared("+", c);
    for (const auto& c : d.declared_removed) declared("-", c);
    for (const DeclaredCertificateChange& c : d.declared_changed) {
        std::vector<std::string> parts;
        if (c.before.file != c.after.file)
            parts.push_back("file " + from_to(c.before.file, c.after.file));
        if (c.before.subject != c.after.subject) {
            parts.push_back("subject " + from_to(c.before.subject, c.after.subject));
        }
        if (!c.sans.empty()) parts.push_back("SAN " + change_text(c.sans));
        if (!c.ekus.empty()) parts.push_back("EKU " + change_text(c.ekus));
        if (c.before.not_after != c.after.not_after) {
            parts.push_back("expires " + from_to(c.before.not_after, c.after.not_after));
        }
        s.rows.push_back({"~", c.after.pool_id, to_string(c.after.use), "declared", c.after.subject,
                          join(parts, "; ")});
    }
    return s;
}

DiffSection findings_section(const Diff& d) {
    DiffSection s{"Offline findings",
                  {"CHANGE", "NOW", "BEFORE", "CHECK", "SUBJECT", "MESSAGE"},
                  {},
                  "(no new or resolved failure or warning)",
                  "(" + std::to_string(d.findings_unchanged) +
                      " failing or warning finding(s) unchanged on both sides)"};
    for (const auto* list : {&d.findings_new, &d.findings_resolved}) {
        for (const FindingChange& c : *list) {
            s.rows.push_back({list == &d.findings_new ? "new" : "resolved", status_text(c.after),
                              status_text(c.before), c.check_id, c.subject, c.message});
        }
    }
    return s;
}

}  // namespace

std::vector<DiffSection> diff_sections(const Diff& d) {
    return {dns_section(d), firewall_section(d), certificates_section(d), findings_section(d)};
}

int count_new(const Diff& d, checks::Status status) {
    int n = 0;
    for (const FindingChange& c : d.findings_new) n += c.after == status ? 1 : 0;
    return n;
}

std::string diff_summary(const Diff& d) {
    return std::to_string(plan_change_count(d)) + " plan change(s); " +
           std::to_string(d.findings_new.size()) + " new finding(s) (" +
           std::to_string(count_new(d, checks::Status::fail)) + " fail, " +
           std::to_string(count_new(d, checks::Status::warn)) + " warn), " +
           std::to_string(d.findings_resolved.size()) + " resolved";
}

}  // namespace edgeplan::report
