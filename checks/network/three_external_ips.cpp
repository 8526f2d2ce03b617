#include "checks/network/three_external_ips.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& ThreeExternalIpsCheck::info() const {
    static const CheckInfo kInfo{
        "NET-04",
        "Each Edge Server's external interface has three IP addresses, one each for the Access, "
        "Web Conferencing and A/V Edge services",
        "network",
        CheckKind::offline,
        Severity::should,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("NIC"), cite("DS-S1")},
        "Assign three external addresses (Access Edge primary, Web Conferencing and A/V "
        "additional) instead of the single-IP option"};
    return kInfo;
}

namespace {

bool overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const std::string& x : a) {
        if (contains_name(b, x)) return true;
    }
    return false;
}

}  // namespace

// NIC, DS-S1...S5: one IP is possible but not recommended (non-443 ports, harder to trouble-
// shoot): a warning, never a failure.
std::vector<Finding> ThreeExternalIpsCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const std::string subject = pool_subject(pool.id);
        if (pool.single_ip) {
            findings.push_back(make_finding(
                info(), Status::warn, subject,
                "the pool uses a single FQDN and IP address for all three Edge services (not "
                "recommended: non-default ports that remote firewalls may block)",
                pool.where, {{"expected", "3 addresses"}, {"observed", "1 address"}}));
            continue;
        }
        std::vector<std::string> missing;
        std::vector<std::string> shared;
        for (const EdgeMember& member : pool.members) {
            if (member.access.ips.empty() || member.webconf.ips.empty() || member.av.ips.empty()) {
                missing.push_back(member.internal_fqdn);
            } else if (overlap(member.access.ips, member.webconf.ips) ||
                       overlap(member.access.ips, member.av.ips) ||
                       overlap(member.webconf.ips, member.av.ips)) {
                shared.push_back(member.internal_fqdn);
            }
        }
        if (!shared.empty()) {
            findings.push_back(
                make_finding(info(), Status::warn, subject,
                             "Edge services share an external address on " + join(shared),
                             pool.where, {{"expected", "3 addresses"}}));
        } else if (!missing.empty() || pool.members.empty()) {
            findings.push_back(unknown_input(
                info(), subject,
                "external addresses of the Access, Web Conferencing or A/V Edge are not stated" +
                    (missing.empty() ? std::string(" (no members)") : " on " + join(missing)),
                pool.where));
        } else {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            "every member has three distinct external addresses",
                                            pool.where));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool is defined");
}

}  // namespace edgeplan::checks
