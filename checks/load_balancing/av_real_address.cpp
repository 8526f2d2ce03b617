#include "checks/load_balancing/av_real_address.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& AvRealAddressCheck::info() const {
    static const CheckInfo kInfo{
        "LB-09",
        "Behind a hardware load balancer each A/V Edge answers from its own server address, "
        "never from the A/V VIP (no SNAT for the A/V Edge)",
        "load_balancing",
        CheckKind::offline,
        Severity::must,
        {"S5"},
        {cite("PS-S5")},
        "Give every member its own public A/V address distinct from the A/V VIP and do not "
        "source-NAT A/V traffic on the load balancer"};
    return kInfo;
}

// PS-S5: SNAT is allowed for Access and Web Conferencing, never for the A/V Edge, which must
// answer STUN/TURN from the real server address. Offline that means a member's A/V address
// exists and is not the VIP; SNAT itself is not in the model.
std::vector<Finding> AvRealAddressCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (pool.load_balancing != LoadBalancing::hardware) continue;
        for (const EdgeMember& member : pool.members) {
            const std::string subject = member_subject(member.internal_fqdn);
            if (member.av.ips.empty() || !pool.vips) {
                findings.push_back(unknown_input(
                    info(), subject, "the member's A/V address or the pool's A/V VIP is not stated",
                    member.where));
                continue;
            }
            std::vector<std::string> on_vip;
            for (const std::string& ip : member.av.ips) {
                if (contains_name(pool.vips->av, ip)) on_vip.push_back(ip);
            }
            Evidence evidence;
            for (const std::string& ip : member.av.ips) evidence.emplace_back("ip", ip);
            findings.push_back(make_finding(
                info(), on_vip.empty() ? Status::pass : Status::fail, subject,
                on_vip.empty() ? "A/V Edge has its own address, distinct from the A/V VIP"
                               : "A/V Edge address " + join(on_vip) + " is the A/V VIP",
                member.av.where, evidence));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no hardware load-balanced Edge pool");
}

}  // namespace edgeplan::checks
