#include "checks/topology/edge_fqdn_identity.h"

#include <set>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& EdgeFqdnIdentityCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-03",
        "A single Edge's pool FQDN is its computer FQDN; in a pool each member has its own "
        "internal FQDN, distinct from the pool FQDN",
        "topology",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DEFTOPO"), cite("DNSCFG")},
        "Set the single Edge's pool FQDN to hostname + primary DNS suffix; give every pool "
        "member its own computer FQDN"};
    return kInfo;
}

// DEFTOPO: single Edge = pool FQDN is the internal interface FQDN; pool = the pool FQDN is a
// pool name and each member is named by its computer FQDN.
std::vector<Finding> EdgeFqdnIdentityCheck::evaluate(const CheckContext& context) const {
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const std::string subject = pool_subject(pool.id);
        if (pool.internal_fqdn.empty() || pool.members.empty()) {
            findings.push_back(unknown_input(
                info(), subject, "the pool's internal FQDN or its members are not stated",
                pool.where));
            continue;
        }
        if (pool.members.size() == 1 && !is_pool(pool)) {
            const std::string& member = pool.members.front().internal_fqdn;
            const bool same = iequals(member, pool.internal_fqdn);
            findings.push_back(
                make_finding(info(), same ? Status::pass : Status::fail, subject,
                             same ? "single Edge: pool FQDN equals the computer FQDN"
                                  : "single Edge: pool FQDN " + pool.internal_fqdn +
                                        " differs from the computer FQDN " + member,
                             pool.where, {{"expected", pool.internal_fqdn}, {"observed", member}}));
            continue;
        }
        std::vector<std::string> problems;
        std::set<std::string> seen;
        for (const EdgeMember& member : pool.members) {
            const std::string name = lower(member.internal_fqdn);
            if (name.empty()) {
                problems.push_back("a member has no internal FQDN");
            } else if (name == lower(pool.internal_fqdn)) {
                problems.push_back("member " + member.internal_fqdn + " uses the pool FQDN");
            } else if (!seen.insert(name).second) {
                problems.push_back("member FQDN " + member.internal_fqdn + " is used twice");
            }
        }
        if (problems.empty()) {
            findings.push_back(
                make_finding(info(), Status::pass, subject,
                             "each of the " + std::to_string(pool.members.size()) +
                                 " members has its own FQDN, distinct from the pool FQDN",
                             pool.where));
        } else {
            findings.push_back(
                make_finding(info(), Status::fail, subject, join(problems, "; "), pool.where));
        }
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool is defined");
}

}  // namespace edgeplan::checks
