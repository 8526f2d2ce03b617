#include "checks/topology/edge_sizing.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& EdgeSizingCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-09",
        "A single Edge Server serves fewer than 15,000 Access Edge connections, 1,000 Web "
        "Conferencing connections and 500 concurrent A/V sessions with no need for high "
        "availability; beyond that a scaled pool is used",
        "topology",
        CheckKind::offline,
        Severity::should,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("SC-S1"), cite("TOPOCHOICE")},
        "Use a scaled Edge pool (DNS or hardware load balancing) when the load or availability "
        "needs exceed a single Edge"};
    return kInfo;
}

// SC-S1, TOPOCHOICE. The model carries no capacity inputs (expected connections, HA need), so
// a single Edge cannot be judged: it is reported as unknown instead of guessed.
std::vector<Finding> EdgeSizingCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const std::string subject = pool_subject(pool.id);
        if (is_pool(pool)) {
            findings.push_back(
                make_finding(info(), Status::pass, subject,
                             "scaled pool of " + std::to_string(pool.members.size()) +
                                 " members: sized by adding members (LB-06 checks the pool size)",
                             pool.where));
        } else {
            findings.push_back(unknown_input(
                info(), subject,
                "single Edge: the expected Access Edge, Web Conferencing and A/V load and the "
                "high-availability need are not stated",
                pool.where));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool is defined");
}

}  // namespace edgeplan::checks
