#include "checks/probe_admission.h"

#include <algorithm>

#include "topology/ip_address.h"
#include "topology/subjects.h"

namespace edgeplan::checks {
namespace {

void add_address(std::set<std::string>& out, const std::string& text) {
    const std::string ip = topology::canonical_ip(text);
    if (!ip.empty()) out.insert(ip);
}

// One filter for every request kind: canonicalise the address, refuse what `allowed` lacks,
// drop duplicates (after canonicalisation two spellings of one address are one request).
template <typename Request, typename Adjust>
void admit_each(const std::vector<Request>& in, const char* transport,
                const std::set<std::string>& allowed, std::vector<Request>& out,
                std::vector<std::string>& refused, Adjust adjust) {
    for (Request request : in) {
        const std::string ip = topology::canonical_ip(request.address);
        if (ip.empty() || allowed.count(ip) == 0) {
            refused.push_back(subjects::endpoint_subject(transport, request.address, request.port));
            continue;
        }
        request.address = ip;
        adjust(request);
        if (std::find(out.begin(), out.end(), request) == out.end()) out.push_back(request);
    }
}

}  // namespace

std::set<std::string> plan_addresses(const topology::Plan& plan) {
    std::set<std::string> out;
    for (const topology::DnsRecord& record : plan.dns) {
        if (record.type == topology::DnsRecordType::a ||
            record.type == topology::DnsRecordType::aaaa) {
            add_address(out, record.value);
        }
    }
    for (const topology::FirewallRule& rule : plan.firewall) {
        for (const std::string& a : rule.probe_addresses) add_address(out, a);
        for (const std::string& a : rule.source.addresses) add_address(out, a);
        for (const std::string& a : rule.destination.addresses) add_address(out, a);
    }
    return out;
}

std::string source_address_for(const std::string& target, const std::string& option) {
    const bool target_v6 = target.find(':') != std::string::npos;
    if (!option.empty()) {
        const bool option_v6 = option.find(':') != std::string::npos;
        return option_v6 == target_v6 ? option : std::string{};
    }
    // Loopback pitfall: the ephemeral port range overlaps the media range, so a probe from
    // 127.0.0.1 to 127.0.0.1 can connect to itself; bind to a different loopback address.
    if (!target_v6 && target.rfind("127.", 0) == 0) {
        return target == "127.0.0.1" ? "127.0.0.2" : "127.0.0.1";
    }
    return {};
}

Admission admit_requests(const probes::ProbeRequests& requests,
                         const std::set<std::string>& allowed, const std::string& source_address) {
    Admission a;
    a.admitted.dns = requests.dns;
    const auto unchanged = [](auto&) {};
    admit_each(requests.tcp, "tcp", allowed, a.admitted.tcp, a.refused,
               [&](probes::TcpProbe& probe) {
                   const std::string source = source_address_for(probe.address, source_address);
                   if (!source.empty()) probe.source_address = source;
               });
    admit_each(requests.stun, "udp", allowed, a.admitted.stun, a.refused, unchanged);
    admit_each(requests.tls, "tls", allowed, a.admitted.tls, a.refused, unchanged);
    admit_each(requests.xmpp, "xmpp", allowed, a.admitted.xmpp, a.refused, unchanged);
    admit_each(requests.token_echo, "echo", allowed, a.admitted.token_echo, a.refused, unchanged);
    return a;
}

}  // namespace edgeplan::checks
