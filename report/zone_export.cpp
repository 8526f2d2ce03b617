// --emit-zone: one RFC 1035 master-file fragment and one DnsServer PowerShell script per zone
// and kind. A record that a finding fails or warns on, or that rests on an unknown, gets a
// comment saying so; a withheld record (Plan::withheld_dns) is written commented out. Fragments
// carry $ORIGIN and $TTL but no SOA/NS: the records go into zones that already exist. The catalogue
// gives no TTLs for Edge records (section 7); one hour is a common default that keeps changes quick
// to roll back.
#include <map>
#include <sstream>
#include <utility>

#include "report/atomic_file.h"
#include "report/export_text.h"
#include "report/exports.h"
#include "report/findings_about_names.h"
#include "topology/ip_address.h"

namespace edgeplan::report {
namespace {

using topology::DnsRecord;
using topology::DnsRecordType;

constexpr int default_ttl = 3600;

// The owner relative to the zone ("@" at the apex); empty when the name is outside the zone.
std::string relative_owner(const std::string& name, const std::string& zone) {
    if (name == zone) return "@";
    if (name.size() > zone.size() + 1 &&
        name.compare(name.size() - zone.size(), zone.size(), zone) == 0 &&
        name[name.size() - zone.size() - 1] == '.') {
        return name.substr(0, name.size() - zone.size() - 1);
    }
    return {};
}

// Why a record cannot be exported, or empty when it can.
std::string problem(const DnsRecord& r, const std::string& owner) {
    if (!export_text::is_dns_name(r.name)) return "owner is not a DNS name";
    if (owner.empty()) return "owner is outside the zone";
    switch (r.type) {
        case DnsRecordType::a:
        case DnsRecordType::aaaa: {
            const auto ip = topology::parse_ip(r.value);
            const auto family =
                r.type == DnsRecordType::a ? topology::IpFamily::v4 : topology::IpFamily::v6;
            if (!ip || ip->family != family) return "value is not an address of the right family";
            return {};
        }
        case DnsRecordType::srv:
            if (r.port < 0 || r.port > 65535 || r.priority < 0 || r.priority > 65535 ||
                r.weight < 0 || r.weight > 65535) {
                return "SRV numbers out of range";
            }
            [[fallthrough]];
        case DnsRecordType::cname:
            if (!export_text::is_dns_name(r.value)) return "target is not a DNS name";
            return {};
    }
    return "unknown type";
}

std::string master_line(const DnsRecord& r, const std::string& owner) {
    std::ostringstream out;
    out << owner << "\tIN\t" << topology::to_string(r.type) << "\t";
    switch (r.type) {
        case DnsRecordType::a:
        case DnsRecordType::aaaa:
            out << r.value;
            break;
        case DnsRecordType::srv:
            out << r.priority << " " << r.weight << " " << r.port << " " << r.value << ".";
            break;
        case DnsRecordType::cname:
            out << r.value << ".";
            break;
    }
    return out.str();
}

std::string ps_quote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string powershell_line(const DnsRecord& r, const std::string& owner) {
    std::ostringstream out;
    const std::string common = " -ZoneName " + ps_quote(r.zone) + " -Name " + ps_quote(owner);
    switch (r.type) {
        case DnsRecordType::a:
            out << "Add-DnsServerResourceRecordA" << common << " -IPv4Address "
                << ps_quote(r.value);
            break;
        case DnsRecordType::aaaa:
            out << "Add-DnsServerResourceRecordAAAA" << common << " -IPv6Address "
                << ps_quote(r.value);
            break;
        case DnsRecordType::srv:
            out << "Add-DnsServerResourceRecord -Srv" << common << " -DomainName "
                << ps_quote(r.value) << " -Priority " << r.priority << " -Weight " << r.weight
                << " -Port " << r.port;
            break;
        case DnsRecordType::cname:
            out << "Add-DnsServerResourceRecordCName" << common << " -HostNameAlias "
                << ps_quote(r.value);
            break;
    }
    out << " -TimeToLive " << ps_quote("01:00:00");
    return out.str();
}

// One zone's master file lines to `master` and its PowerShell lines to `ps`, with the notes an
// administrator must read before applying each row (docs/exports.md).
void write_zone_files_of(const std::string& zone, const std::string& kind,
                         const std::vector<std::pair<const DnsRecord*, bool>>& records,
                         const FindingsAboutNames& judged, std::ostream& master, std::ostream& ps) {
    master << "; edgeplan: " << kind << " DNS records for " << zone << "\n"
           << "; Add these to the existing zone (no SOA or NS here).\n"
           << "$ORIGIN " << zone << ".\n"
           << "$TTL " << default_ttl << "\n";
    ps << "# edgeplan: " << kind << " DNS records for " << zone
       << " (DnsServer module, run on the DNS server)\n";
    for (const auto& [r, withheld] : records) {
        const std::string owner = relative_owner(r->name, r->zone);
        const std::string comment = export_text::comment_text(r->rule + " " + r->purpose);
        // Notes the administrator must read before applying the row (docs/exports.md).
        std::vector<std::string> notes = judged.about(r->name, r->value);
        if (!r->unknown.empty()) {
            notes.insert(notes.begin(),
                         std::string(withheld ? "WITHHELD, " : "INCOMPLETE, ") +
                             "rests on an unknown: " + export_text::comment_text(r->unknown));
        }
        if (withheld) {
            // The row it would be, commented out; an unknown value is shown as <unknown>.
            DnsRecord shown = *r;
            if (shown.value.empty()) shown.value = "<unknown>";
            const std::string why = shown.value == "<unknown>" ? "" : problem(shown, owner);
            master << "; " << comment << "\n";
            ps << "# " << comment << "\n";
            for (const std::string& n : notes) {
                master << "; " << n << "\n";
                ps << "# " << n << "\n";
            }
            const std::string row = why.empty() && !owner.empty()
                                        ? master_line(shown, owner)
                                        : export_text::comment_text(r->name + " " + shown.value);
            master << "; " << row << "\n";
            if (why.empty() && !owner.empty()) ps << "# " << powershell_line(shown, owner) << "\n";
            continue;
        }
        const std::string why = problem(*r, owner);
        if (!why.empty()) {
            const std::string skipped =
                "skipped (" + why + "): " + export_text::comment_text(r->name + " " + r->value);
            master << "; " << skipped << "\n";
            ps << "# " << skipped << "\n";
            continue;
        }
        master << "; " << comment << "\n";
        ps << "# " << comment << "\n";
        for (const std::string& n : notes) {
            master << "; " << n << "\n";
            ps << "# " << n << "\n";
        }
        master << master_line(*r, owner) << "\n";
        ps << powershell_line(*r, owner) << "\n";
    }
}

}  // namespace

std::vector<std::string> write_zone_files(const topology::Plan& plan, const std::string& dir,
                                          const std::vector<checks::Finding>& findings) {
    // Plan order is already (kind, zone, name, type, value); grouping keeps it. Withheld
    // records follow the published ones of their zone.
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<const DnsRecord*, bool>>>
        groups;
    for (const DnsRecord& r : plan.dns) {
        groups[{r.zone, topology::to_string(r.zone_kind)}].emplace_back(&r, false);
    }
    for (const DnsRecord& r : plan.withheld_dns) {
        groups[{r.zone, topology::to_string(r.zone_kind)}].emplace_back(&r, true);
    }
    ensure_directory(dir);
    const FindingsAboutNames judged(findings);
    std::vector<std::string> written;
    // Not a structured binding: the lambdas below capture the records, which C++17 forbids for a
    // binding (clang refuses it).
    for (const auto& group : groups) {
        const std::string& zone = group.first.first;
        const std::string& kind = group.first.second;
        const auto& records = group.second;
        // A zone that is not a DNS name cannot get a master file; DNS-NAME-01 reports the
        // FQDN it came from, so the export leaves it out rather than write a broken file.
        if (!export_text::is_dns_name(zone)) continue;
        const std::string stem = export_text::file_stem(zone + "." + kind);
        const std::string zone_path = export_text::join(dir, stem + ".zone");
        const std::string ps_path = export_text::join(dir, stem + ".ps1");
        // Each file is rendered straight into its temporary (a zone of 60,000 records was a
        // string of tens of megabytes, twice over); the other file's lines go to a stream that
        // discards them.
        std::ostream discard(nullptr);
        write_file_atomically(zone_path, [&](std::ostream& out) {
            write_zone_files_of(zone, kind, records, judged, out, discard);
        });
        write_file_atomically(ps_path, [&](std::ostream& out) {
            write_zone_files_of(zone, kind, records, judged, discard, out);
        });
        written.push_back(zone_path);
        written.push_back(ps_path);
    }
    return written;
}

}  // namespace edgeplan::report
