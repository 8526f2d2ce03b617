#include "checks/pic/pic_dns_lb_failover.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PicDnsLbFailoverCheck::info() const {
    static const CheckInfo kInfo{
        "PIC-07",
        "Public IM that must be highly available goes through a hardware load-balanced Edge "
        "pool (a DNS load-balanced pool gives it no failover)",
        "pic",
        CheckKind::offline,
        Severity::should,
        {"S3", "S4", "PIC"},
        {cite("DNSLB"), cite("HLBREQ"), cite("TOPOCHOICE")},
        "Use hardware load balancing on the federation Edge pool if public IM must fail over"};
    return kInfo;
}

// DNSLB, HLBREQ (also LB-03/LB-04): public IM through a DNS-LB pool loses failover.
std::vector<Finding> PicDnsLbFailoverCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.public_im)
        return {not_applicable(info(), "no public IM provider is enabled")};
    std::vector<Finding> findings;
    for (const EdgePool* pool : federation_pools(model)) {
        const bool dns = pool->load_balancing == LoadBalancing::dns;
        findings.push_back(make_finding(
            info(), dns ? Status::warn : Status::pass, pool_subject(pool->id),
            dns ? "public IM goes through a DNS load-balanced pool: no failover for it"
                : std::string("public IM goes through a ") + to_string(pool->load_balancing) +
                      " pool, not DNS load balancing",
            pool->where, {{"observed", to_string(pool->load_balancing)}}));
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool carries federation");
}

}  // namespace edgeplan::checks
