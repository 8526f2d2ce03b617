#include "report/text_plan.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "report/plan_verification.h"
#include "report/text_table.h"
#include "topology/strings.h"

namespace edgeplan::report::text {
namespace {

using strings::join;

// Most urgent first, as in the findings list.
int urgency(checks::Status status) {
    switch (status) {
        case checks::Status::fail:
            return 0;
        case checks::Status::error:
            return 1;
        case checks::Status::warn:
            return 2;
        case checks::Status::pass:
            return 3;
        case checks::Status::skip:
            return 4;
    }
    return 5;
}

// One (status, check ID) of a row's findings: how many, and the first in report order.
struct CellEntry {
    checks::Status status;
    std::string_view check_id;
    std::size_t count;
    std::size_t first;
};

// `refs` (sorted, no repeats) added to `entries`, which stay in order of first appearance.
void count_into(const Report& report, const FindingRefs& refs, std::vector<CellEntry>& entries) {
    for (std::size_t i : refs) {
        const checks::Finding& f = report.findings[i];
        const auto same = std::find_if(entries.begin(), entries.end(), [&](const CellEntry& e) {
            return e.status == f.status && e.check_id == f.check_id;
        });
        if (same != entries.end()) {
            ++same->count;
            same->first = std::min(same->first, i);
        } else {
            entries.push_back({f.status, f.check_id, 1, i});
        }
    }
}

// "FAIL NET-10; pass PORT-EXT-02 x3, PORT-EXT-05": every finding about a row as status and
// check ID, grouped by status most urgent first, the statuses that need action in capitals,
// repeats of one (status, ID) counted rather than listed so a row probed at many addresses stays
// short; "no finding" / "not probed" when none. Within a status, the order is that of each
// entry's first finding in the report.
std::string findings_cell(const Report& report, std::vector<CellEntry> entries) {
    if (entries.empty()) return unmatched_row_words(report);
    std::sort(entries.begin(), entries.end(),
              [](const CellEntry& a, const CellEntry& b) { return a.first < b.first; });
    std::stable_sort(entries.begin(), entries.end(), [](const CellEntry& a, const CellEntry& b) {
        return urgency(a.status) < urgency(b.status);
    });
    std::string out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const CellEntry& e = entries[i];
        if (i == 0 || e.status != entries[i - 1].status) {
            std::string status = to_string(e.status);
            if (urgency(e.status) < urgency(checks::Status::pass)) {
                std::transform(status.begin(), status.end(), status.begin(),
                               [](char ch) { return static_cast<char>(ch - 'a' + 'A'); });
            }
            out += (i == 0 ? "" : "; ") + status + " ";
        } else {
            out += ", ";
        }
        out += std::string(e.check_id) + (e.count > 1 ? " x" + std::to_string(e.count) : "");
    }
    return out;
}

std::string findings_cell(const Report& report, const FindingRefs& refs) {
    std::vector<CellEntry> entries;
    count_into(report, refs, entries);
    return findings_cell(report, std::move(entries));
}

// The DNS rows' cells, with the counts of each list the index shares between rows made once:
// merging and counting a shared list per row was quadratic (every A record of one address
// matches all the offline facts about that address; docs/performance.md).
class DnsCells {
  public:
    DnsCells(const Report& report, const PlanVerification& verified)
        : report_(report), verified_(verified) {}

    std::string cell(const topology::DnsRecord& record) {
        const RowMatches matches = verified_.matches_for(record);
        // The longest shared list is counted once and reused; the other lists add the
        // findings it does not hold.
        const FindingRefs* largest = nullptr;
        for (const FindingRefs* part : matches.shared) {
            if (largest == nullptr || part->size() > largest->size()) largest = part;
        }
        if (largest == nullptr || largest->size() < kShareFrom) {
            return findings_cell(report_, verified_.findings_for(record));
        }
        auto cached = counted_.find(largest);
        if (cached == counted_.end()) {
            std::vector<CellEntry> entries;
            count_into(report_, *largest, entries);
            cached = counted_.emplace(largest, std::move(entries)).first;
        }
        FindingRefs rest = matches.own;
        for (const FindingRefs* part : matches.shared) {
            if (part != largest) rest.insert(rest.end(), part->begin(), part->end());
        }
        std::sort(rest.begin(), rest.end());
        rest.erase(std::unique(rest.begin(), rest.end()), rest.end());
        rest.erase(std::remove_if(rest.begin(), rest.end(),
                                  [&](std::size_t i) {
                                      return std::binary_search(largest->begin(), largest->end(),
                                                                i);
                                  }),
                   rest.end());
        std::vector<CellEntry> entries = cached->second;
        count_into(report_, rest, entries);
        return findings_cell(report_, std::move(entries));
    }

  private:
    static constexpr std::size_t kShareFrom = 64;  // shorter lists are merged per row as before
    const Report& report_;
    const PlanVerification& verified_;
    std::unordered_map<const FindingRefs*, std::vector<CellEntry>> counted_;
};

std::string srv_numbers(const topology::DnsRecord& r) {
    if (r.type != topology::DnsRecordType::srv) return "";
    return std::to_string(r.priority) + "/" + std::to_string(r.weight) + "/" +
           std::to_string(r.port);
}

void dns_tables(const Report& report, const PlanVerification& verified, std::ostream& out,
                std::size_t width) {
    const std::vector<topology::DnsRecord>& records = report.plan.dns;
    section(out, "DNS records");
    if (records.empty()) out << "  (none)\n";
    // One table per zone kind: external records go to the public DNS provider, internal ones
    // to the AD-integrated zone (split-brain, DNS-* rules of the catalogue).
    DnsCells cells(report, verified);
    for (topology::DnsZoneKind kind :
         {topology::DnsZoneKind::external, topology::DnsZoneKind::internal}) {
        Table table({"ZONE", "NAME", "TYPE", "VALUE", "PRI/WT/PORT", "RULE", "FINDINGS"});
        for (const topology::DnsRecord& r : records) {
            if (r.zone_kind != kind) continue;
            table.add_row({r.zone, r.name, to_string(r.type), r.value, srv_numbers(r), r.rule,
                           cells.cell(r)});
        }
        if (table.empty()) continue;
        out << "  " << to_string(kind) << " DNS\n";
        table.render(out, "  ", width);
    }
    out << "\n";
}

std::string ports(const topology::FirewallRule& r) {
    return std::string(to_string(r.transport)) + " " + topology::port_range_text(r);
}

std::string endpoint(const topology::RuleEndpoint& e) {
    if (e.addresses.empty()) return e.label;
    return e.label + " (" + join(e.addresses, ", ") + ")";
}

// One table per firewall (the Edge's external and internal interfaces face different ones), as
// the catalogue's tables 2.2 and 2.3 do. The RULE cell is the catalogue ID: the table row
// labels (X5, I2, V3) are the catalogue's bookkeeping, and PURPOSE says what the row is for in
// the words of the port summaries.
void firewall_tables(const Report& report, const PlanVerification& verified, std::ostream& out,
                     std::size_t width) {
    const std::vector<topology::FirewallRule>& rules = report.plan.firewall;
    section(out, "Firewall rules");
    if (rules.empty()) out << "  (none)\n";
    for (topology::FirewallSide side :
         {topology::FirewallSide::external, topology::FirewallSide::internal}) {
        Table table(
            {"DIR", "PORTS", "PROTOCOL", "SOURCE", "DESTINATION", "PURPOSE", "RULE", "FINDINGS"});
        for (const topology::FirewallRule& r : rules) {
            if (r.side != side) continue;
            // "in" / "out": the direction column is the narrowest one can be read at a glance.
            table.add_row({short_name(r.direction), ports(r), r.protocol, endpoint(r.source),
                           endpoint(r.destination), r.purpose, r.rule,
                           findings_cell(report, verified.findings_for(r))});
        }
        if (table.empty()) continue;
        out << "  " << to_string(side) << " firewall\n";
        table.render(out, "  ", width);
    }
    out << "\n";
}

std::string key_needs(const topology::CertificateRequest& c) {
    std::string out = c.exportable_key ? "exportable key, " : "";
    return out + (c.public_ca ? "public CA" : "private CA");
}

void certificate_table(const Report& report, const PlanVerification& verified, std::ostream& out,
                       std::size_t width) {
    const std::vector<topology::CertificateRequest>& certs = report.plan.certificates;
    section(out, "Certificates required");
    if (certs.empty()) {
        out << "  (none)\n\n";
        return;
    }
    Table table({"POOL", "USE", "SUBJECT", "SANS", "EKUS", "KEY AND CA", "RULES", "FINDINGS"});
    for (const topology::CertificateRequest& c : certs) {
        std::vector<std::string> ekus;
        for (topology::ExtendedKeyUsage eku : c.ekus) ekus.emplace_back(to_string(eku));
        table.add_row({c.pool_id, to_string(c.use), c.subject, join(c.sans, ", "), join(ekus, ", "),
                       key_needs(c), join(c.rules, ", "),
                       findings_cell(report, verified.findings_for(c))});
    }
    table.render(out, "  ", width);
    out << "\n";
}

void unknown_table(const Report& report, const PlanVerification& verified, std::ostream& out,
                   std::size_t width) {
    const std::vector<topology::Unknown>& unknowns = report.plan.unknowns;
    section(out, "Unknowns");
    if (unknowns.empty()) {
        out << "  (none: the inputs state everything the plan needs)\n\n";
        return;
    }
    Table table({"WHAT", "RULE", "FINDINGS"});
    for (const topology::Unknown& u : unknowns) {
        table.add_row({u.what, u.rule, findings_cell(report, verified.findings_for(u))});
    }
    table.render(out, "  ", width);
    out << "\n";
}

}  // namespace

void render_plan(const Report& report, std::ostream& out, std::size_t width) {
    const PlanVerification verified(report);  // one index for all rows
    dns_tables(report, verified, out, width);
    firewall_tables(report, verified, out, width);
    certificate_table(report, verified, out, width);
    unknown_table(report, verified, out, width);
}

}  // namespace edgeplan::report::text
