#include "report/plan_verification.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace edgeplan::report {
namespace {

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// DNS names compare case-insensitively and without a trailing dot.
std::string dns_name(std::string s) {
    if (!s.empty() && s.back() == '.') s.pop_back();
    return lower(std::move(s));
}

const std::string* evidence(const checks::Finding& f, const std::string& key) {
    for (const auto& [k, v] : f.evidence) {
        if (k == key) return &v;
    }
    return nullptr;
}

std::vector<const std::string*> evidence_all(const checks::Finding& f, const std::string& key) {
    std::vector<const std::string*> out;
    for (const auto& [k, v] : f.evidence) {
        if (k == key) out.push_back(&v);
    }
    return out;
}

bool names_pool(const checks::Finding& f, const std::string& pool_id) {
    return !pool_id.empty() && f.subject == "pool:" + pool_id;
}

template <typename Predicate>
FindingRefs select(const Report& r, Predicate matches) {
    FindingRefs refs;
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        if (matches(r.findings[i])) refs.push_back(i);
    }
    return refs;
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

bool protects(const topology::FirewallRule& rule, const std::string& ip) {
    auto has = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), ip) != list.end();
    };
    return has(rule.probe_addresses) || has(rule.destination.addresses);
}

// "tcp:198.51.100.10:5061" (IPv6 addresses keep their colons: the port is after the last one).
bool endpoint_matches(const topology::FirewallRule& rule, const std::string& subject) {
    const auto first = subject.find(':');
    const auto last = subject.rfind(':');
    if (first == std::string::npos || last == first) return false;
    const std::string scheme = subject.substr(0, first);
    const std::string transport = scheme == "tls" ? "tcp" : scheme;
    if (transport != to_string(rule.transport)) return false;
    int from = 0;
    int to = 0;
    if (!parse_ports(subject.substr(last + 1), from, to)) return false;
    return overlaps(rule, from, to) && protects(rule, subject.substr(first + 1, last - first - 1));
}

}  // namespace

FindingRefs findings_for(const Report& report, const topology::DnsRecord& record) {
    const std::string subject = "dns:" + dns_name(record.name) + "/" + to_string(record.type);
    return select(report, [&](const checks::Finding& f) {
        if (f.subject == subject) return true;
        if (f.check_id != record.rule) return false;
        const std::string* fqdn = evidence(f, "fqdn");
        return (fqdn != nullptr && dns_name(*fqdn) == dns_name(record.name)) ||
               names_pool(f, record.pool_id);
    });
}

FindingRefs findings_for(const Report& report, const topology::FirewallRule& rule) {
    return select(report, [&](const checks::Finding& f) {
        if (endpoint_matches(rule, f.subject)) return true;
        if (f.check_id != rule.rule) return false;
        if (names_pool(f, rule.pool_id)) return true;
        const std::string* ip = evidence(f, "ip");
        const std::string* port = evidence(f, "port");
        int from = 0;
        int to = 0;
        return ip != nullptr && port != nullptr && protects(rule, *ip) &&
               parse_ports(*port, from, to) && overlaps(rule, from, to);
    });
}

FindingRefs findings_for(const Report& report, const topology::CertificateRequest& cert) {
    const std::string subject = "cert:" + cert.pool_id + "/" + to_string(cert.use);
    auto names_cert = [&](const std::string& name) {
        if (dns_name(name) == dns_name(cert.subject)) return true;
        return std::any_of(cert.sans.begin(), cert.sans.end(),
                           [&](const std::string& san) { return dns_name(san) == dns_name(name); });
    };
    return select(report, [&](const checks::Finding& f) {
        if (f.subject == subject) return true;
        if (std::find(cert.rules.begin(), cert.rules.end(), f.check_id) == cert.rules.end()) {
            return false;
        }
        for (const char* key : {"cert_subject", "cert_san"}) {
            for (const std::string* value : evidence_all(f, key)) {
                if (names_cert(*value)) return true;
            }
        }
        return false;
    });
}

FindingRefs findings_for(const Report& report, const topology::Unknown& unknown) {
    return select(report, [&](const checks::Finding& f) {
        return f.check_id == unknown.rule && f.subject == unknown.subject;
    });
}

}  // namespace edgeplan::report
