#include "checks/nat/nat_external_only.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& NatExternalOnlyCheck::info() const {
    static const CheckInfo kInfo{
        "NAT-01",
        "NAT is applied only to the external Edge interface, never to the internal one",
        "nat",
        CheckKind::offline,
        Severity::must,
        {"S2", "S4"},
        {cite("AVFW")},
        "Route the Edge internal interface without translation; translate only the external "
        "service addresses"};
    return kInfo;
}

// AVFW. The model declares NAT for the external service addresses only; what shows NAT on the
// internal side is an internal interface address reused as an external or translated address.
std::vector<Finding> NatExternalOnlyCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (!pool.nat) continue;
        for (const EdgeMember& member : pool.members) {
            const std::string subject = member_subject(member.internal_fqdn);
            if (member.internal_ips.empty()) {
                const std::string xml = "<Member internalFqdn=\"" +
                                        xml_attribute_text(member.internal_fqdn) +
                                        "\" internalIp=\"ADDRESS\">";
                findings.push_back(unknown_stated_by_hand(
                    info(), subject, "the member's internal address is not stated",
                    "the topology states it (Topology Builder: the Edge server's internal IP "
                    "address; Get-CsTopology -AsXml carries it; edgeplan format: " +
                        xml + ")",
                    xml, member.where));
                continue;
            }
            std::vector<std::string> crossing;
            for (const ServiceAddress* s : {&member.access, &member.webconf, &member.av}) {
                for (const std::string& ip : member.internal_ips) {
                    if (contains_name(s->ips, ip) || contains_name(s->public_ips, ip)) {
                        crossing.push_back(ip);
                    }
                }
            }
            findings.push_back(make_finding(
                info(), crossing.empty() ? Status::pass : Status::fail, subject,
                crossing.empty()
                    ? "NAT is declared on the external addresses only"
                    : "internal address " + join(crossing) + " is also an external/NAT address",
                member.where));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool uses NAT");
}

}  // namespace edgeplan::checks
