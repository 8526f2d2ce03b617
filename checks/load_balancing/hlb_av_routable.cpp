#include "checks/load_balancing/hlb_av_routable.h"

#include "checks/citations.h"
#include "checks/offline_support.h"
#include "topology/ip_address.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& HlbAvRoutableCheck::info() const {
    static const CheckInfo kInfo{
        "LB-10",
        "Behind a hardware load balancer the A/V Edge external interface uses publicly routable "
        "addresses with no NAT and no port translation",
        "load_balancing",
        CheckKind::offline,
        Severity::must,
        {"S5"},
        {cite("HLBREQ"), cite("PS-S5")},
        "Assign publicly routable A/V addresses to every member and remove NAT for A/V on both "
        "firewalls (also turn off TCP nagling on 443 and 50,000-59,999)"};
    return kInfo;
}

// HLBREQ, PS-S5: no NAT on the internal or external firewall for A/V; the A/V interface uses
// public addresses. Nagling is not in the model and is left to the doc.
std::vector<Finding> HlbAvRoutableCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (pool.load_balancing != LoadBalancing::hardware) continue;
        for (const EdgeMember& member : pool.members) {
            const std::string subject = member_subject(member.internal_fqdn);
            if (member.av.ips.empty()) {
                findings.push_back(unknown_input(
                    info(), subject, "the member's A/V address is not stated", member.where));
                continue;
            }
            std::vector<std::string> problems;
            if (pool.nat || !member.av.public_ips.empty()) {
                problems.push_back("A/V address is translated by NAT");
            }
            Evidence evidence;
            for (const std::string& text : member.av.ips) {
                evidence.emplace_back("ip", text);
                const auto ip = parse_ip(text);
                if (ip && scope_of(*ip) == AddressScope::private_address) {
                    problems.push_back(text + " is a private address");
                }
            }
            findings.push_back(
                make_finding(info(), problems.empty() ? Status::pass : Status::fail, subject,
                             problems.empty() ? "A/V Edge uses routable addresses without NAT"
                                              : join(problems, "; "),
                             member.av.where, evidence));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no hardware load-balanced Edge pool");
}

}  // namespace edgeplan::checks
