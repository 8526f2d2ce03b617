#pragma once
// Readable one-line views of plan entries so tests compare sets of strings and a failure shows
// exactly which record, rule or name differs.
#include <set>
#include <string>

#include "topology/plan.h"

namespace edgeplan::testing {

// "external sip.contoso.com A 131.107.155.10", "external _sip._tls.contoso.com SRV 443
// sip.contoso.com"
inline std::string view(const topology::DnsRecord& r) {
    std::string out = std::string(topology::to_string(r.zone_kind)) + " " + r.name + " " +
                      topology::to_string(r.type) + " ";
    if (r.type == topology::DnsRecordType::srv) out += std::to_string(r.port) + " ";
    return out + r.value;
}

inline std::set<std::string> dns_view(const topology::Plan& plan) {
    std::set<std::string> out;
    for (const auto& r : plan.dns) out.insert(view(r));
    return out;
}

// "X5 external inbound tcp 443-443"
inline std::string view(const topology::FirewallRule& r) {
    return r.row + " " + topology::to_string(r.side) + " " + topology::to_string(r.direction) +
           " " + topology::to_string(r.transport) + " " + std::to_string(r.port_from) + "-" +
           std::to_string(r.port_to);
}

inline std::set<std::string> firewall_view(const topology::Plan& plan) {
    std::set<std::string> out;
    for (const auto& r : plan.firewall) out.insert(view(r));
    return out;
}

inline const topology::FirewallRule* find_row(const topology::Plan& plan, const std::string& row) {
    for (const auto& r : plan.firewall) {
        if (r.row == row) return &r;
    }
    return nullptr;
}

inline const topology::CertificateRequest* find_certificate(const topology::Plan& plan,
                                                            topology::CertificateUse use) {
    for (const auto& c : plan.certificates) {
        if (c.use == use) return &c;
    }
    return nullptr;
}

inline std::set<std::string> as_set(const std::vector<std::string>& values) {
    return {values.begin(), values.end()};
}

// A certificate request's SANs.
inline std::set<std::string> as_set(const std::vector<topology::InternedText>& values) {
    return {values.begin(), values.end()};
}

}  // namespace edgeplan::testing
