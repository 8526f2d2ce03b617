#include "checks/load_balancing/same_lb_type.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SameLbTypeCheck::info() const {
    static const CheckInfo kInfo{
        "LB-01",
        "The internal and external Edge interfaces use the same load-balancing type (DNS on both "
        "or hardware on both)",
        "load_balancing",
        CheckKind::offline,
        Severity::must,
        {"S3", "S4", "S5"},
        {cite("DNSLB"), cite("LBREQ"), cite("HLBREQ"), cite("TOPOCHOICE")},
        "Load-balance both Edge interfaces the same way: hardware VIPs on both sides, or DNS on "
        "both sides with no VIP"};
    return kInfo;
}

// DNSLB, LBREQ, HLBREQ: mixing DNS and hardware load balancing across the two Edge interfaces
// is not supported. The model states one type per pool; what shows a mix is the VIPs: a
// hardware pool needs external and internal VIPs, a DNS pool has none.
std::vector<Finding> SameLbTypeCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (!is_pool(pool)) continue;
        const std::string subject = pool_subject(pool.id);
        if (pool.load_balancing == LoadBalancing::dns) {
            const bool vips = pool.vips.has_value() &&
                              (!pool.vips->access.empty() || !pool.vips->webconf.empty() ||
                               !pool.vips->av.empty() || !pool.vips->internal.empty());
            findings.push_back(make_finding(
                info(), vips ? Status::fail : Status::pass, subject,
                vips ? "DNS load-balanced pool also declares hardware load balancer VIPs"
                     : "DNS load balancing on both interfaces",
                pool.where, {{"expected", "dns/dns"}}));
            continue;
        }
        if (!pool.vips) {
            findings.push_back(unknown_input(
                info(), subject, "hardware load-balanced pool without its VIPs", pool.where));
            continue;
        }
        const HardwareVips& v = *pool.vips;
        const bool external = !v.access.empty() || !v.webconf.empty() || !v.av.empty();
        const bool internal = !v.internal.empty();
        if (external && internal) {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            "hardware load balancing on both interfaces", v.where,
                                            {{"expected", "hardware/hardware"}}));
        } else {
            findings.push_back(
                make_finding(info(), Status::fail, subject,
                             std::string("hardware load-balanced pool has no ") +
                                 (external ? "internal" : "external") +
                                 " VIP: that interface would be DNS load-balanced (mixed types)",
                             v.where, {{"expected", "hardware/hardware"}}));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no scaled Edge pool");
}

}  // namespace edgeplan::checks
