#include "checks/network/single_ip_addresses.h"

#include <set>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SingleIpAddressesCheck::info() const {
    static const CheckInfo kInfo{
        "NET-11",
        "A member of a single-IP Edge pool states one external address (and one NAT public "
        "address) for all three Edge services",
        "network",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DEFTOPO"), cite("NIC")},
        "State the shared address once for all services (<Address service=\"all\" ...>), or "
        "override every service in --settings, not only the Access Edge"};
    return kInfo;
}

namespace {

std::set<std::string> as_set(const std::vector<std::string>& list) {
    return {list.begin(), list.end()};
}

// The services whose list (interface or NAT public) differs from the Access Edge's. An empty
// list is not a difference: the plan then uses the Access Edge address (DEFTOPO).
std::vector<std::string> differing(const EdgeMember& member, bool public_side) {
    const auto& access = public_side ? member.access.public_ips : member.access.ips;
    std::vector<std::string> out;
    const struct {
        const char* name;
        const ServiceAddress* address;
    } others[] = {{"webconf", &member.webconf}, {"av", &member.av}};
    for (const auto& other : others) {
        const auto& list = public_side ? other.address->public_ips : other.address->ips;
        if (!list.empty() && as_set(list) != as_set(access)) out.push_back(other.name);
    }
    return out;
}

}  // namespace

// No catalogue row: DEFTOPO's "Use a single FQDN and IP address" means the three services share
// the Access Edge's address. A settings file that overrides only <Address service="access">
// leaves the other services on the old address; the plan then publishes the Access Edge
// address for all three (plan_derivation.cpp) and this check names the services left behind.
std::vector<Finding> SingleIpAddressesCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (!pool.single_ip) continue;
        for (std::size_t i = 0; i < pool.members.size(); ++i) {
            const EdgeMember& member = pool.members[i];
            const std::string subject = member.internal_fqdn.empty()
                                            ? pool_subject(pool.id) + "#" + std::to_string(i + 1)
                                            : member_subject(member.internal_fqdn);
            const std::vector<std::string> ips = differing(member, false);
            const std::vector<std::string> publics = differing(member, true);
            if (ips.empty() && publics.empty()) {
                findings.push_back(make_finding(
                    info(), Status::pass, subject,
                    "the three Edge services share the Access Edge address", member.where));
                continue;
            }
            std::vector<std::string> parts;
            if (!ips.empty()) parts.push_back("interface address of " + join(ips));
            if (!publics.empty()) parts.push_back("NAT public address of " + join(publics));
            findings.push_back(make_finding(
                info(), Status::fail, subject,
                "single-IP member states a different " + join(parts, " and ") +
                    " than the Access Edge (a partial address override?): the plan uses the "
                    "Access Edge address for every service",
                member.access.where,
                {{"expected", "one address for access, webconf and av"},
                 {"observed", "differs: " + join(parts, "; ")}}));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool uses a single IP");
}

}  // namespace edgeplan::checks
