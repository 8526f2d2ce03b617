#include "checks/load_balancing/pool_size.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PoolSizeCheck::info() const {
    static const CheckInfo kInfo{
        "LB-06",
        "A scaled Edge pool has at least 2 and at most 12 Edge Servers",
        "load_balancing",
        CheckKind::offline,
        Severity::must,
        {"S3", "S4", "S5"},
        {cite("TOPOCHOICE")},
        "Keep 2 to 12 Edge Servers per pool; add another pool for more capacity"};
    return kInfo;
}

// TOPOCHOICE: 12 is the tested and supported maximum (Topology Builder accepts 20 );
// one member gives no high availability, which a load-balanced pool is chosen for.
std::vector<Finding> PoolSizeCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        if (!is_pool(pool)) continue;
        const std::string subject = pool_subject(pool.id);
        const std::size_t n = pool.members.size();
        const Evidence evidence{{"expected", "2..12"}, {"observed", std::to_string(n)}};
        if (n == 0) {
            findings.push_back(
                unknown_input(info(), subject, "the pool's members are not stated", pool.where));
        } else if (n > 12) {
            findings.push_back(
                make_finding(info(), Status::fail, subject,
                             std::to_string(n) + " members: more than the supported 12 per pool",
                             pool.where, evidence));
        } else if (n == 1) {
            findings.push_back(make_finding(
                info(), Status::warn, subject,
                "load-balanced pool with 1 member: no high availability", pool.where, evidence));
        } else {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            std::to_string(n) + " members", pool.where, evidence));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no scaled Edge pool");
}

}  // namespace edgeplan::checks
