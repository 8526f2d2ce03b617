#include "checks/load_balancing/no_nat_with_hlb.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& NoNatWithHlbCheck::info() const {
    static const CheckInfo kInfo{
        "LB-02",
        "A hardware load-balanced Edge pool uses public IP addresses: its external addresses are "
        "not translated by NAT",
        "load_balancing",
        CheckKind::offline,
        Severity::must,
        {"S5"},
        {cite("AVFW"), cite("DEFTOPO"), cite("TOPOCHOICE")},
        "Clear \"The external IP address of this Edge pool is translated by NAT\" and give the "
        "pool public addresses, or use DNS load balancing"};
    return kInfo;
}

// AVFW, DEFTOPO, TOPOCHOICE: NAT is supported only with DNS load balancing.
std::vector<Finding> NoNatWithHlbCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (pool.load_balancing != LoadBalancing::hardware) continue;
        findings.push_back(make_finding(
            info(), pool.nat ? Status::fail : Status::pass, pool_subject(pool.id),
            pool.nat ? "hardware load-balanced pool declares NAT on its external addresses"
                     : "hardware load-balanced pool uses public addresses (no NAT)",
            pool.where,
            {{"expected", "nat=false"}, {"observed", pool.nat ? "nat=true" : "nat=false"}}));
    }
    return or_not_applicable(info(), std::move(findings), "no hardware load-balanced Edge pool");
}

}  // namespace edgeplan::checks
