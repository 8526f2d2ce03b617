#include "report/plan_verification.h"
#include "topology/ip_address.h"
#include "topology/strings.h"
#include "topology/subjects.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace edgeplan::report {
namespace {

using strings::lower;

// DNS names compare case-insensitively and without a trailing dot.
std::string dns_name(std::string s) {
    if (!s.empty() && s.back() == '.') s.pop_back();
    return lower(std::move(s));
}

const std::string* evidence(const checks::Finding& f, const std::string& key) {
    for (const auto& [k, v] : f.evidence) {
        if (k == key) return &v.str();
    }
    return nullptr;
}

std::vector<const std::string*> evidence_all(const checks::Finding& f, const std::string& key) {
    std::vector<const std::string*> out;
    for (const auto& [k, v] : f.evidence) {
        if (k == key) out.push_back(&v.str());
    }
    return out;
}

// "50000-59999" or "443"; false when it is neither.
bool parse_ports(const std::string& s, int& from, int& to) {
    try {
        std::size_t used = 0;
        from = std::stoi(s, &used);
        if (used == s.size()) {
            to = from;
            return true;
        }
        if (s[used] != '-') return false;
        const std::string rest = s.substr(used + 1);
        to = std::stoi(rest, &used);
        return used == rest.size();
    } catch (const std::exception&) {
        return false;
    }
}

bool overlaps(const topology::FirewallRule& rule, int from, int to) {
    return from <= rule.port_to && to >= rule.port_from;
}

std::string key(const std::string& a, const std::string& b) { return a + '\0' + b; }

void add(std::unordered_map<std::string, FindingRefs>& index, const std::string& k, std::size_t i) {
    FindingRefs& refs = index[k];
    if (refs.empty() || refs.back() != i) refs.push_back(i);  // in report order, once each
}

template <typename Key>
const FindingRefs* find(const std::unordered_map<Key, FindingRefs>& index, const std::string& k) {
    const auto found = index.find(k);
    return found == index.end() ? nullptr : &found->second;
}

// Union of the matches, in report order.
FindingRefs merged(std::vector<const FindingRefs*> parts) {
    FindingRefs out;
    for (const FindingRefs* part : parts) {
        if (part) out.insert(out.end(), part->begin(), part->end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The addresses a rule protects (probe and destination addresses), once each.
std::vector<std::string> rule_addresses(const topology::FirewallRule& rule) {
    std::vector<std::string> out = rule.probe_addresses;
    out.insert(out.end(), rule.destination.addresses.begin(), rule.destination.addresses.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

PlanVerification::PlanVerification(const Report& report) : findings_(report.findings) {
    // The indexes by check ID are asked only for the rules of the plan's rows: a finding of any
    // other check would be an entry no row looks up (NET-10's fqdn evidence, one per published
    // address, was 9 MB of such entries at 20,000 members, docs/performance.md).
    std::unordered_set<std::string_view> dns_rules;
    for (const auto* records : {&report.plan.dns, &report.plan.withheld_dns}) {
        for (const topology::DnsRecord& r : *records) dns_rules.insert(r.rule);
    }
    std::unordered_set<std::string_view> certificate_rules;
    for (const topology::CertificateRequest& c : report.plan.certificates) {
        certificate_rules.insert(c.rules.begin(), c.rules.end());
    }
    std::unordered_set<std::string_view> firewall_rules;
    for (const topology::FirewallRule& r : report.plan.firewall) firewall_rules.insert(r.rule);

    // Findings come in report order, check ID first: a run of one ID asks the sets once (IDs are
    // shared texts, so comparing two is comparing two pointers).
    const checks::InternedText* run_id = nullptr;
    bool dns_rule = false;
    bool certificate_rule = false;
    bool firewall_rule = false;
    by_subject_.reserve(report.findings.size());
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const checks::Finding& f = report.findings[i];
        if (run_id == nullptr || *run_id != f.check_id) {
            run_id = &f.check_id;
            dns_rule = dns_rules.count(f.check_id) != 0;
            certificate_rule = certificate_rules.count(f.check_id) != 0;
            firewall_rule = firewall_rules.count(f.check_id) != 0;
        }
        FindingRefs& same_subject = by_subject_[f.subject];
        if (same_subject.empty() || same_subject.back() != i) same_subject.push_back(i);
        const std::string* fqdn = evidence(f, "fqdn");
        if (fqdn != nullptr && dns_rule) add(by_check_fqdn_, key(f.check_id, dns_name(*fqdn)), i);
        if (certificate_rule) {
            for (const char* k : {"cert_subject", "cert_san"}) {
                for (const std::string* value : evidence_all(f, k)) {
                    add(by_rule_cert_name_[f.check_id], dns_name(*value), i);
                }
            }
        }
        // endpoint_matches' parsing of the subject, without the rule.
        const auto first = f.subject.find(':');
        const auto last = f.subject.rfind(':');
        if (first != std::string::npos && last != first) {
            const std::string scheme = f.subject.substr(0, first);
            const std::string transport = scheme == "tls" ? "tcp" : scheme;
            endpoints_[key(transport, f.subject.substr(first + 1, last - first - 1))].push_back(
                {i, f.subject.substr(last + 1)});
        }
        const std::string* ip = evidence(f, "ip");
        const std::string* port = evidence(f, "port");
        if (ip != nullptr && port != nullptr && firewall_rule) {
            by_check_ip_[key(f.check_id, *ip)].push_back({i, *port});
        }
        const checks::CheckInfo* info = report.info_for(f);
        if (ip != nullptr && port == nullptr && info != nullptr &&
            info->kind == checks::CheckKind::offline) {
            if (f.subject.rfind("dns:", 0) != 0 && f.subject.rfind("plan:", 0) != 0) {
                add(by_offline_address_, *ip, i);
            }
        }
    }
}

FindingRefs PlanVerification::by_check_subject(const std::string& check_id,
                                               const std::string& subject) const {
    FindingRefs out;
    const auto found = by_subject_.find(subject);
    if (found == by_subject_.end()) return out;
    for (std::size_t i : found->second) {
        if (findings_[i].check_id == check_id) out.push_back(i);
    }
    return out;
}

RowMatches PlanVerification::matches_for(const topology::DnsRecord& record) const {
    const std::string name = dns_name(record.name);
    const std::string subject = subjects::dns_subject(name, to_string(record.type));
    const std::string planned = "plan:" + name + "/" + to_string(record.type) + "=" + record.value;
    const bool address =
        record.type == topology::DnsRecordType::a || record.type == topology::DnsRecordType::aaaa;
    // NET-10 names the record as the plan writes it ("sip.contoso.com.", an address in its
    // canonical text): the row's own finding, which only its subject now leads to.
    const std::optional<topology::IpAddress> ip =
        address ? topology::parse_ip(record.value) : std::nullopt;
    const std::string as_planned = subjects::plan_address_subject(
        record.name, to_string(record.type), ip ? ip->text : record.value);
    RowMatches matches;
    for (const FindingRefs* part : {find(by_subject_, subject), find(by_subject_, planned),
                                    as_planned != planned ? find(by_subject_, as_planned) : nullptr,
                                    address ? find(by_offline_address_, record.value) : nullptr,
                                    find(by_check_fqdn_, key(record.rule, name))}) {
        if (part != nullptr) matches.shared.push_back(part);
    }
    if (!record.pool_id.empty()) {
        matches.own = by_check_subject(record.rule, subjects::pool_subject(record.pool_id));
    }
    return matches;
}

FindingRefs PlanVerification::findings_for(const topology::DnsRecord& record) const {
    RowMatches matches = matches_for(record);
    matches.shared.push_back(&matches.own);
    return merged(std::move(matches.shared));
}

FindingRefs PlanVerification::findings_for(const topology::FirewallRule& rule) const {
    FindingRefs matches;
    const auto add_overlapping = [&](const std::vector<PortRef>& refs) {
        for (const PortRef& ref : refs) {
            int from = 0;
            int to = 0;
            if (parse_ports(ref.ports, from, to) && overlaps(rule, from, to)) {
                matches.push_back(ref.finding);
            }
        }
    };
    for (const std::string& ip : rule_addresses(rule)) {
        if (const FindingRefs* offline = find(by_offline_address_, ip)) {
            matches.insert(matches.end(), offline->begin(), offline->end());
        }
        const auto endpoint = endpoints_.find(key(to_string(rule.transport), ip));
        if (endpoint != endpoints_.end()) add_overlapping(endpoint->second);
        const auto evidenced = by_check_ip_.find(key(rule.rule, ip));
        if (evidenced != by_check_ip_.end()) add_overlapping(evidenced->second);
    }
    const FindingRefs pool =
        rule.pool_id.empty() ? FindingRefs{}
                             : by_check_subject(rule.rule, subjects::pool_subject(rule.pool_id));
    return merged({&matches, &pool});
}

FindingRefs PlanVerification::findings_for(const topology::CertificateRequest& cert) const {
    std::vector<const FindingRefs*> parts{
        find(by_subject_, "cert:" + cert.pool_id + "/" + to_string(cert.use))};
    std::vector<std::string> names{dns_name(cert.subject)};
    for (const std::string& san : cert.sans) names.push_back(dns_name(san));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<std::string> rules = cert.rules;
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
    for (const std::string& rule : rules) {
        const auto by_name = by_rule_cert_name_.find(rule);
        if (by_name == by_rule_cert_name_.end()) continue;
        // Whichever side is shorter is walked: the names the rule's findings carry, or the
        // certificate's own (the union does not depend on the order, merged sorts it).
        if (by_name->second.size() < names.size()) {
            for (const auto& [name, refs] : by_name->second) {
                if (std::binary_search(names.begin(), names.end(), name)) parts.push_back(&refs);
            }
        } else {
            for (const std::string& name : names) parts.push_back(find(by_name->second, name));
        }
    }
    return merged(std::move(parts));
}

FindingRefs PlanVerification::findings_for(const topology::Unknown& unknown) const {
    return by_check_subject(unknown.rule, unknown.subject);
}

const char* unmatched_row_words(const Report& report) {
    return report.command == "check" ? "not probed" : "no finding";
}

// One row: index the report and ask (tests and single lookups; the HTML plan keeps one index).
FindingRefs findings_for(const Report& report, const topology::DnsRecord& record) {
    return PlanVerification(report).findings_for(record);
}

FindingRefs findings_for(const Report& report, const topology::FirewallRule& rule) {
    return PlanVerification(report).findings_for(rule);
}

FindingRefs findings_for(const Report& report, const topology::CertificateRequest& cert) {
    return PlanVerification(report).findings_for(cert);
}

FindingRefs findings_for(const Report& report, const topology::Unknown& unknown) {
    return PlanVerification(report).findings_for(unknown);
}

}  // namespace edgeplan::report
