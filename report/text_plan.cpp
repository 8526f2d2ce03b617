#include "report/text_plan.h"

#include <string>
#include <vector>

#include "report/text_table.h"
#include "topology/strings.h"

namespace edgeplan::report::text {
namespace {

using strings::join;

std::string number_or_blank(int value, bool shown) { return shown ? std::to_string(value) : ""; }

void dns_tables(const std::vector<topology::DnsRecord>& records, std::ostream& out,
                std::size_t width) {
    section(out, "DNS records");
    if (records.empty()) out << "  (none)\n";
    // One table per zone kind: external records go to the public DNS provider, internal ones
    // to the AD-integrated zone (split-brain, DNS-* rules of the catalogue).
    for (topology::DnsZoneKind kind :
         {topology::DnsZoneKind::external, topology::DnsZoneKind::internal}) {
        Table table({"ZONE", "NAME", "TYPE", "VALUE", "PRIORITY", "WEIGHT", "PORT", "RULE"});
        for (const topology::DnsRecord& r : records) {
            if (r.zone_kind != kind) continue;
            const bool srv = r.type == topology::DnsRecordType::srv;
            table.add_row({r.zone, r.name, to_string(r.type), r.value,
                           number_or_blank(r.priority, srv), number_or_blank(r.weight, srv),
                           number_or_blank(r.port, srv), r.rule});
        }
        if (table.empty()) continue;
        out << "  " << to_string(kind) << " DNS\n";
        table.render(out, "  ", width);
    }
    out << "\n";
}

std::string ports(const topology::FirewallRule& r) {
    if (r.port_to == r.port_from || r.port_to == 0) return std::to_string(r.port_from);
    return std::to_string(r.port_from) + "-" + std::to_string(r.port_to);
}

std::string endpoint(const topology::RuleEndpoint& e) {
    if (e.addresses.empty()) return e.label;
    return e.label + " (" + join(e.addresses) + ")";
}

void firewall_table(const std::vector<topology::FirewallRule>& rules, std::ostream& out,
                    std::size_t width) {
    section(out, "Firewall rules");
    if (rules.empty()) {
        out << "  (none)\n\n";
        return;
    }
    Table table({"SIDE", "DIR", "PROTO", "PORTS", "SOURCE", "DESTINATION", "PURPOSE", "RULE"});
    for (const topology::FirewallRule& r : rules) {
        std::string proto = to_string(r.transport);
        if (!r.protocol.empty()) proto += " " + r.protocol;
        std::string rule = r.rule;
        if (!r.row.empty()) rule += " (" + r.row + ")";
        table.add_row({to_string(r.side), to_string(r.direction), proto, ports(r),
                       endpoint(r.source), endpoint(r.destination), r.purpose, rule});
    }
    table.render(out, "  ", width);
    out << "\n";
}

void certificate_table(const std::vector<topology::CertificateRequest>& certs, std::ostream& out,
                       std::size_t width) {
    section(out, "Certificates required");
    if (certs.empty()) {
        out << "  (none)\n\n";
        return;
    }
    Table table({"POOL", "USE", "SUBJECT", "SANS", "EKUS", "EXPORTABLE", "PUBLIC CA", "RULES"});
    for (const topology::CertificateRequest& c : certs) {
        std::vector<std::string> ekus;
        for (topology::ExtendedKeyUsage eku : c.ekus) ekus.emplace_back(to_string(eku));
        table.add_row({c.pool_id, to_string(c.use), c.subject, join(c.sans), join(ekus),
                       c.exportable_key ? "yes" : "no", c.public_ca ? "yes" : "no", join(c.rules)});
    }
    table.render(out, "  ", width);
    out << "\n";
}

void unknown_table(const std::vector<topology::Unknown>& unknowns, std::ostream& out,
                   std::size_t width) {
    section(out, "Unknowns");
    if (unknowns.empty()) {
        out << "  (none: the inputs state everything the plan needs)\n\n";
        return;
    }
    Table table({"WHAT", "RULE"});
    for (const topology::Unknown& u : unknowns) table.add_row({u.what, u.rule});
    table.render(out, "  ", width);
    out << "\n";
}

}  // namespace

void render_plan(const topology::Plan& plan, std::ostream& out, std::size_t width) {
    dns_tables(plan.dns, out, width);
    firewall_table(plan.firewall, out, width);
    certificate_table(plan.certificates, out, width);
    unknown_table(plan.unknowns, out, width);
}

}  // namespace edgeplan::report::text
