#include "checks/nat/nat_public_av_ip.h"

#include "checks/citations.h"
#include "checks/offline_support.h"
#include "topology/ip_address.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& NatPublicAvIpCheck::info() const {
    static const CheckInfo kInfo{
        "NAT-05",
        "An Edge pool whose external addresses are translated by NAT declares the public A/V "
        "Edge address of every member",
        "nat",
        CheckKind::offline,
        Severity::must,
        {"S2", "S4"},
        {cite("DEFTOPO")},
        "Enter the public (NAT) IPv4 address of the A/V Edge for every member in Topology "
        "Builder"};
    return kInfo;
}

// DEFTOPO: with "translated by NAT" the wizard asks for the public A/V address; one per member
// for a DNS-LB pool is inferred in the catalogue.
std::vector<Finding> NatPublicAvIpCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (!pool.nat) continue;
        for (const EdgeMember& member : pool.members) {
            const std::string subject = member_subject(member.internal_fqdn);
            if (member.av.public_ips.empty()) {
                findings.push_back(
                    make_finding(info(), Status::fail, subject,
                                 "no public A/V address is declared for this member",
                                 member.av.where.known() ? member.av.where : member.where));
                continue;
            }
            std::vector<std::string> bad;
            Evidence evidence;
            for (const std::string& text : member.av.public_ips) {
                evidence.emplace_back("ip", text);
                const auto ip = parse_ip(text);
                if (!ip || scope_of(*ip) == AddressScope::private_address ||
                    scope_of(*ip) == AddressScope::unspecified) {
                    bad.push_back(text);
                }
            }
            findings.push_back(make_finding(
                info(), bad.empty() ? Status::pass : Status::fail, subject,
                bad.empty() ? "public A/V address " + join(member.av.public_ips)
                            : "declared public A/V address " + join(bad) + " is not public",
                member.av.where, evidence));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool uses NAT");
}

}  // namespace edgeplan::checks
