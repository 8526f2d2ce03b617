#include "checks/load_balancing/public_ip_count.h"

#include <set>
#include <string>
#include <utility>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PublicIpCountCheck::info() const {
    static const CheckInfo kInfo{
        "LB-12",
        "A scaled Edge pool has enough public addresses: 3 per server (1 in single-IP mode), "
        "plus 3 VIPs (or 1) with hardware load balancing",
        "load_balancing",
        CheckKind::offline,
        Severity::must,
        {"S3", "S4", "S5"},
        {cite("PS-S5"), cite("TOPOCHOICE")},
        "Declare a distinct public address for every service of every member (and every VIP)"};
    return kInfo;
}

// PS-S5, TOPOCHOICE: two HLB servers need 9 public addresses; DNS LB needs 3 per server.
std::vector<Finding> PublicIpCountCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (!is_pool(pool)) continue;
        const std::string subject = pool_subject(pool.id);
        const std::size_t per_unit = pool.single_ip ? 1 : 3;
        const bool hlb = pool.load_balancing == LoadBalancing::hardware;
        std::size_t expected = per_unit * pool.members.size() + (hlb ? per_unit : 0);
        std::set<std::string> observed;
        bool unknown = pool.members.empty() || (hlb && !pool.vips);
        // The first member and service without an address: the snippet names them.
        std::string missing_member = pool.members.empty() ? "MEMBER" : "";
        const char* missing_service = "access";
        for (const EdgeMember& member : pool.members) {
            const std::pair<const char*, const ServiceAddress*> services[] = {
                {"access", &member.access}, {"webconf", &member.webconf}, {"av", &member.av}};
            for (const auto& [service, s] : services) {
                const std::vector<std::string>& ips = pool.nat ? s->public_ips : s->ips;
                if (ips.empty() && !unknown) {
                    missing_member = member.internal_fqdn;
                    missing_service = service;
                }
                if (ips.empty()) unknown = true;
                observed.insert(ips.begin(), ips.end());
            }
        }
        if (hlb && pool.vips) {
            for (const auto* vips : {&pool.vips->access, &pool.vips->webconf, &pool.vips->av}) {
                observed.insert(vips->begin(), vips->end());
            }
        }
        if (unknown) {
            // Under NAT the check counts the public addresses; otherwise the interface's own.
            const std::string attribute = pool.nat ? "public" : "ip";
            const std::string xml =
                hlb && !pool.vips
                    ? "<EdgePool ref=\"" + xml_attribute_text(pool.id) +
                          "\"><HardwareLoadBalancer internalFqdn=\"FQDN\"><Vip service=\"access\" "
                          "ip=\"ADDRESS\"/></HardwareLoadBalancer></EdgePool>"
                    : "<EdgePool ref=\"" + xml_attribute_text(pool.id) + "\"><Member ref=\"" +
                          xml_attribute_text(missing_member) + "\"><Address service=\"" +
                          missing_service + "\" " + attribute +
                          "=\"ADDRESS\"/></Member></EdgePool>";
            findings.push_back(unknown_stated_by_hand(
                info(), subject, "some public addresses (per member service or VIP) are not stated",
                "the topology states them (Topology Builder: each Edge server's external IP "
                "addresses, and the public IP of NAT), or write " +
                    xml + " in --settings for each service",
                xml, pool.where));
            continue;
        }
        const Evidence evidence{{"expected", std::to_string(expected)},
                                {"observed", std::to_string(observed.size())}};
        const bool ok = observed.size() >= expected;
        findings.push_back(make_finding(
            info(), ok ? Status::pass : Status::fail, subject,
            std::to_string(observed.size()) + " distinct public addresses for " +
                std::to_string(expected) + " needed" + (ok ? "" : ": addresses are reused"),
            pool.where, evidence));
    }
    return or_not_applicable(info(), std::move(findings), "no scaled Edge pool");
}

}  // namespace edgeplan::checks
