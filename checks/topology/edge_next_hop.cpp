#include "checks/topology/edge_next_hop.h"

#include <algorithm>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& EdgeNextHopCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-01",
        "A Front End pool or Standard Edition server exists and every Edge pool's next hop is a "
        "Front End pool, Standard Edition server or Director",
        "topology",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DEFTOPO")},
        "Define the Front End pool first and set the Edge pool's next hop to a Front End pool, "
        "Standard Edition server or Director of the topology"};
    return kInfo;
}

// DEFTOPO: the Edge is defined after a Front End pool or Standard Edition server; its next hop
// is one of the internal pools.
std::vector<Finding> EdgeNextHopCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    std::vector<Finding> findings;
    if (model.edge_pools.empty()) return or_not_applicable(info(), {}, "no Edge pool is defined");
    const bool has_registrar =
        std::any_of(model.internal_pools.begin(), model.internal_pools.end(),
                    [](const InternalPool& p) { return p.kind != InternalPoolKind::director; });
    if (!has_registrar) {
        findings.push_back(
            make_finding(info(), Status::fail, kTopologySubject,
                         "no Front End pool or Standard Edition server is defined before the Edge",
                         model.where));
    }
    for (const EdgePool& pool : model.edge_pools) {
        const std::string subject = pool_subject(pool.id);
        if (pool.next_hop.empty()) {
            findings.push_back(unknown_input(info(), subject,
                                             "the Edge pool's next hop is not stated", pool.where));
            continue;
        }
        const InternalPool* hop = model.find_internal_pool(pool.next_hop);
        if (hop == nullptr) {
            findings.push_back(make_finding(
                info(), Status::fail, subject,
                "next hop " + pool.next_hop + " is not an internal pool of the topology",
                pool.where,
                {{"expected", "Front End, Standard Edition or Director pool"},
                 {"observed", pool.next_hop}}));
        } else {
            findings.push_back(make_finding(
                info(), Status::pass, subject,
                "next hop is " + std::string(to_string(hop->kind)) + " pool " + hop->fqdn,
                pool.where, {{"fqdn", hop->fqdn}}));
        }
    }
    return findings;
}

}  // namespace edgeplan::checks
