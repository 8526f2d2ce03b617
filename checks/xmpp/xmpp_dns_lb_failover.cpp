#include "checks/xmpp/xmpp_dns_lb_failover.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppDnsLbFailoverCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-13",
        "XMPP federation that must fail over is not carried by a DNS load-balanced Edge pool",
        "xmpp",
        CheckKind::offline,
        Severity::should,
        {"S3", "S4", "XMPP"},
        {cite("DNSLB")},
        "Use hardware load balancing on the XMPP route pool if XMPP federation must fail over"};
    return kInfo;
}

// DNSLB (also LB-03): XMPP through a DNS-LB pool has no failover.
std::vector<Finding> XmppDnsLbFailoverCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.xmpp) return {not_applicable(info(), "XMPP federation is not used")};
    std::vector<Finding> findings;
    for (const EdgePool* pool : xmpp_pools(model)) {
        const bool dns = pool->load_balancing == LoadBalancing::dns;
        findings.push_back(make_finding(
            info(), dns ? Status::warn : Status::pass, pool_subject(pool->id),
            dns ? "XMPP goes through a DNS load-balanced pool: no failover for it"
                : std::string("XMPP goes through a ") + to_string(pool->load_balancing) +
                      " pool, not DNS load balancing",
            pool->where, {{"observed", to_string(pool->load_balancing)}}));
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool carries XMPP");
}

}  // namespace edgeplan::checks
