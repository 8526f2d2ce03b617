#pragma once
// Which findings are about which plan row (a row of report.plan: the indexes by check ID hold only
// the plan's own rules), so the plan tables (HTML and text) and the diagram's arrows can say what
// was verified (docs/ci-integration.md "HTML", docs/report-format.md).
// Matching uses only the canonical subjects (docs/subjects.md) and evidence keys
// (docs/evidence.md); a row no finding refers to is "no finding" or "not probed".
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/report.h"

namespace edgeplan::report {

// Indexes into report.findings, in report order.
using FindingRefs = std::vector<std::size_t>;

// What a plan row no finding is about says: `plan` probes nothing, so "no finding" is the honest
// word there; `check` could have probed the row and did not.
const char* unmatched_row_words(const Report& report);

// A DNS record: subject "dns:<name>/<TYPE>" or "plan:<name>/<TYPE>=<value>"; or the record's
// rule as check ID with evidence fqdn = name, or subject "pool:<pool_id>"; or an offline finding
// whose evidence ip is the record's address and whose subject is not a DNS name (a finding about
// another record of the same address is that record's, not this one's).
FindingRefs findings_for(const Report& report, const topology::DnsRecord& record);
// A firewall rule: subject "tcp|udp|tls:<ip>:<port>" with the rule's transport (tls = tcp), an
// address it protects and a port in its range; or the rule's own check ID with evidence ip and
// port inside it, or subject "pool:<pool_id>"; or an offline finding whose evidence ip (without a
// port) is an address the rule protects and whose subject is not a DNS name.
FindingRefs findings_for(const Report& report, const topology::FirewallRule& rule);
// A certificate: subject "cert:<pool_id>/<use>"; or one of its rules as check ID with evidence
// cert_subject or cert_san naming one of its names.
FindingRefs findings_for(const Report& report, const topology::CertificateRequest& cert);
// An unknown: its rule as check ID and its subject.
FindingRefs findings_for(const Report& report, const topology::Unknown& unknown);

// The same matching for every row of a report: the findings indexed once by subject, check ID
// and evidence, so a row costs lookups instead of a scan of all findings (a scan per row was
// quadratic: thousands of plan rows times thousands of findings, docs/performance.md).
// A row's matches before they are merged: lists held by the index, which every row with the same
// key shares (all the A records of one address share the offline facts about that address), and
// the row's own. Their union is findings_for's answer. A caller that summarises rows can
// summarise a shared list once instead of once per row (docs/performance.md).
struct RowMatches {
    std::vector<const FindingRefs*> shared;  // each sorted, no repeats; never null
    FindingRefs own;                         // sorted, no repeats
};

class PlanVerification {
  public:
    explicit PlanVerification(const Report& report);
    RowMatches matches_for(const topology::DnsRecord& record) const;
    FindingRefs findings_for(const topology::DnsRecord& record) const;
    FindingRefs findings_for(const topology::FirewallRule& rule) const;
    FindingRefs findings_for(const topology::CertificateRequest& cert) const;
    FindingRefs findings_for(const topology::Unknown& unknown) const;

  private:
    struct PortRef {
        std::size_t finding;
        std::string ports;  // "443" or "50000-59999", parsed when a rule asks
    };
    using Index = std::unordered_map<std::string, FindingRefs>;
    // By subject, keyed by views of the report's own subjects (the report outlives the index):
    // a copy of every subject, and another index by check ID + subject, cost tens of megabytes
    // at 100,000 findings (docs/performance.md); check ID + subject filters this one instead.
    std::unordered_map<std::string_view, FindingRefs> by_subject_;
    const std::vector<checks::Finding>& findings_;
    // The findings about `subject` that `check_id` produced, in report order.
    FindingRefs by_check_subject(const std::string& check_id, const std::string& subject) const;
    // Keys: check ID + '\0' + DNS name of the first fqdn evidence. Only for check IDs that are
    // rules of the plan's DNS records (and, in by_check_ip_, firewall rules; in
    // by_rule_cert_name_, certificates): no row asks for others.
    Index by_check_fqdn_;
    // Check ID -> DNS name of any cert_subject / cert_san evidence -> findings. By rule first, so
    // a certificate of 20,000 names asks each of its rules for the few names that have findings
    // rather than for every name (docs/performance.md).
    std::unordered_map<std::string, Index> by_rule_cert_name_;
    // Endpoint subjects "tcp|udp|tls:<ip>:<port>" by transport (tls = tcp) + '\0' + ip, and
    // findings by check ID + '\0' + first ip evidence with their first port evidence.
    std::unordered_map<std::string, std::vector<PortRef>> endpoints_;
    std::unordered_map<std::string, std::vector<PortRef>> by_check_ip_;
    // Offline findings (catalogue kind offline) with an ip and no port evidence, by ip: a fact
    // about an address (a NAT address missing, an address outside its pool) concerns every row
    // that carries that address, whichever rule found it. Findings about one DNS record
    // (subjects dns:, plan:) are left out: they belong to that record's row alone, and NET-10's
    // finding for each of 10,000 sip.<domain> records of one Access Edge address, listed on
    // every such row, made the HTML plan quadratic: 100 million links per address, 24 GB in all
    // (docs/performance.md).
    Index by_offline_address_;
};

}  // namespace edgeplan::report
