#include "checks/network/ipv6_dual_stack.h"

#include "checks/citations.h"
#include "checks/offline_support.h"
#include "topology/ip_address.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& Ipv6DualStackCheck::info() const {
    static const CheckInfo kInfo{
        "NET-07",
        "When IPv6 is used, every Edge interface of the enabled family has IPv6 addresses from "
        "the organization's routable space, and IPv4 stays available to external users",
        "network",
        CheckKind::offline,
        Severity::should,
        {"IPv6"},
        {cite("DEPLOYIP"), cite("OVERVIEW"), cite("SC-S1"), cite("DNSREQ")},
        "Give every member IPv6 addresses on each interface where the pool uses IPv6 (dual "
        "stack), from public IPv6 space on the external side, and keep the IPv4 addresses"};
    return kInfo;
}

namespace {

bool has_family(const std::vector<std::string>& ips, IpFamily family) {
    for (const std::string& text : ips) {
        const auto ip = parse_ip(text);
        if (ip && ip->family == family) return true;
    }
    return false;
}

bool uses_v6_external(const EdgePool& pool) {
    for (const EdgeMember& m : pool.members) {
        if (has_family(m.access.ips, IpFamily::v6) || has_family(m.webconf.ips, IpFamily::v6) ||
            has_family(m.av.ips, IpFamily::v6)) {
            return true;
        }
    }
    return false;
}

bool uses_v6_internal(const EdgePool& pool) {
    for (const EdgeMember& m : pool.members) {
        if (has_family(m.internal_ips, IpFamily::v6)) return true;
    }
    return false;
}

}  // namespace

// DEPLOYIP: each enabled family needs addresses on the interface; SC-S*/OVERVIEW: IPv6 from
// the organization's real space; DNSREQ: keep IPv4 where external users still use it.
std::vector<Finding> Ipv6DualStackCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const bool external = uses_v6_external(pool);
        const bool internal = uses_v6_internal(pool);
        if (!external && !internal) continue;
        for (const EdgeMember& member : pool.members) {
            std::vector<std::string> problems;
            const std::pair<const char*, const ServiceAddress*> services[] = {
                {"access", &member.access}, {"webconf", &member.webconf}, {"av", &member.av}};
            for (const auto& [name, address] : services) {
                if (external && !has_family(address->ips, IpFamily::v6)) {
                    problems.push_back(std::string(name) + " has no IPv6 address");
                }
                if (external && !has_family(address->ips, IpFamily::v4)) {
                    problems.push_back(std::string(name) + " has no IPv4 address");
                }
                for (const std::string& text : address->ips) {
                    const auto ip = parse_ip(text);
                    if (ip && ip->family == IpFamily::v6 && !pool.nat &&
                        scope_of(*ip) == AddressScope::private_address) {
                        problems.push_back(std::string(name) + " IPv6 " + text +
                                           " is not from routable IPv6 space");
                    }
                }
            }
            if (internal && !has_family(member.internal_ips, IpFamily::v6)) {
                problems.push_back("internal interface has no IPv6 address");
            }
            findings.push_back(make_finding(
                info(), problems.empty() ? Status::pass : Status::warn,
                member_subject(member.internal_fqdn),
                problems.empty() ? "dual stack on every interface where the pool uses IPv6"
                                 : join(problems, "; "),
                member.where));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no Edge address is IPv6");
}

}  // namespace edgeplan::checks
