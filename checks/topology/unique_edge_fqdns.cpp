#include "checks/topology/unique_edge_fqdns.h"

#include <map>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& UniqueEdgeFqdnsCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-05",
        "Edge pools do not share FQDNs, and a pool's internal FQDN differs from its external "
        "FQDNs",
        "topology",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DR")},
        "Give every Edge pool its own internal and external FQDNs"};
    return kInfo;
}

namespace {

std::vector<std::string> names_of(const EdgePool& pool) {
    std::vector<std::string> names{pool.internal_fqdn, pool.access.fqdn, pool.webconf.fqdn,
                                   pool.av.fqdn};
    for (const EdgeMember& member : pool.members) names.push_back(member.internal_fqdn);
    std::vector<std::string> out;
    NameSet seen;  // a pool may have thousands of members: no scan of `out` per name
    for (const std::string& name : names) {
        if (!name.empty() && seen.insert(name)) out.push_back(lower(name));
    }
    return out;
}

}  // namespace

// DR: Edge pools in different sites cannot share FQDNs; internal and external names are unique.
std::vector<Finding> UniqueEdgeFqdnsCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    std::map<std::string, std::vector<std::string>> owners;  // fqdn -> pool ids
    for (const EdgePool& pool : model.edge_pools) {
        for (const std::string& name : names_of(pool)) owners[name].push_back(pool.id);
    }
    std::vector<Finding> findings;
    for (const EdgePool& pool : model.edge_pools) {
        std::vector<std::string> problems;
        for (const std::string& name : names_of(pool)) {
            if (owners[name].size() > 1) {
                problems.push_back(name + " is shared by Edge pools " + join(owners[name]));
            }
        }
        for (const std::string* external : {&pool.access.fqdn, &pool.webconf.fqdn, &pool.av.fqdn}) {
            if (!external->empty() && iequals(*external, pool.internal_fqdn)) {
                problems.push_back("the internal FQDN is also used as external FQDN " + *external);
                break;
            }
        }
        findings.push_back(make_finding(
            info(), problems.empty() ? Status::pass : Status::fail, pool_subject(pool.id),
            problems.empty() ? "the pool's FQDNs are its own" : join(problems, "; "), pool.where));
    }
    return or_not_applicable(info(), std::move(findings), "no Edge pool is defined");
}

}  // namespace edgeplan::checks
