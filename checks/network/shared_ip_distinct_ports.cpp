#include "checks/network/shared_ip_distinct_ports.h"

#include <set>
#include <utility>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SharedIpDistinctPortsCheck::info() const {
    static const CheckInfo kInfo{
        "PORT-SINGLEIP-01",
        "When Edge services share one external IP address, each service listens on a distinct "
        "TCP port",
        "network",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DEFTOPO"), cite("NIC")},
        "Give each service on the shared address its own port (DEFTOPO suggests 5061 Access, 444 "
        "Web Conferencing, 443 A/V) or use three addresses"};
    return kInfo;
}

namespace {

struct Service {
    const char* name;
    std::set<int> ports;
    const ServiceAddress EdgeMember::*address;
};

bool share_address(const EdgePool& pool, const Service& a, const Service& b) {
    if (pool.single_ip) return true;
    for (const EdgeMember& member : pool.members) {
        for (const std::string& ip : (member.*a.address).ips) {
            if (contains_name((member.*b.address).ips, ip)) return true;
        }
    }
    return false;
}

}  // namespace

// DEFTOPO (NET-09): a shared address needs distinct ports; three addresses can all use 443.
std::vector<Finding> SharedIpDistinctPortsCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const EdgePorts& p = pool.ports;
        // The Access Edge listens for clients and for federation; both are its own ports.
        const std::vector<Service> services{
            {"access", {p.access_client, p.access_federation}, &EdgeMember::access},
            {"webconf", {p.webconf}, &EdgeMember::webconf},
            {"av", {p.av_tcp}, &EdgeMember::av}};
        bool any_shared = false;
        std::vector<std::string> collisions;
        for (std::size_t i = 0; i < services.size(); ++i) {
            for (std::size_t j = i + 1; j < services.size(); ++j) {
                if (!share_address(pool, services[i], services[j])) continue;
                any_shared = true;
                for (int port : services[i].ports) {
                    if (services[j].ports.count(port) != 0) {
                        collisions.push_back(std::string(services[i].name) + " and " +
                                             services[j].name + " both use TCP " +
                                             std::to_string(port));
                    }
                }
            }
        }
        if (!any_shared) continue;
        const Evidence evidence{{"port", "access " + std::to_string(p.access_client)},
                                {"port", "webconf " + std::to_string(p.webconf)},
                                {"port", "av " + std::to_string(p.av_tcp)}};
        findings.push_back(make_finding(
            info(), collisions.empty() ? Status::pass : Status::fail, pool_subject(pool.id),
            collisions.empty() ? "services sharing an address use distinct ports"
                               : "port collision on a shared address: " + join(collisions, "; "),
            pool.where, evidence));
    }
    return or_not_applicable(info(), std::move(findings),
                             "no Edge services share an external address");
}

}  // namespace edgeplan::checks
