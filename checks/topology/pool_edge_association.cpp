#include "checks/topology/pool_edge_association.h"

#include <unordered_map>

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PoolEdgeAssociationCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-02",
        "Each Front End pool or Standard Edition server is associated with exactly one Edge pool",
        "topology",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DEFTOPO")},
        "In Topology Builder, associate the pool with one Edge pool (Edit Properties > "
        "Associate Edge pool) and remove any other association"};
    return kInfo;
}

// DEFTOPO: a pool uses one Edge pool for A/V; associating it again silently moves it.
std::vector<Finding> PoolEdgeAssociationCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    // Edge pool ids by the internal pool ids (lower case) they list as associated, in model
    // order: one pass, instead of scanning every Edge pool for each internal pool (quadratic
    // with thousands of pools).
    std::unordered_map<std::string, std::vector<std::string>> associated_edges;
    for (const EdgePool& edge : model.edge_pools) {
        NameSet listed;
        for (const std::string& id : edge.associated_pools) {
            if (listed.insert(id)) associated_edges[lower(id)].push_back(edge.id);
        }
    }
    std::vector<Finding> findings;
    for (const InternalPool& pool : model.internal_pools) {
        if (pool.kind == InternalPoolKind::director) continue;
        const std::string subject = pool_subject(pool.id);
        std::vector<std::string> edges;
        NameSet seen;
        if (!pool.edge_pool.empty()) {
            edges.push_back(pool.edge_pool);
            seen.insert(pool.edge_pool);
        }
        const auto associated = associated_edges.find(lower(pool.id));
        if (associated != associated_edges.end()) {
            for (const std::string& edge_id : associated->second) {
                if (seen.insert(edge_id)) edges.push_back(edge_id);
            }
        }
        if (edges.empty()) {
            findings.push_back(
                make_finding(info(), Status::warn, subject,
                             "pool " + pool.fqdn +
                                 " is not associated with any Edge pool: its users get no "
                                 "external access or A/V through an Edge",
                             pool.where));
        } else if (edges.size() > 1) {
            findings.push_back(
                make_finding(info(), Status::fail, subject,
                             "pool " + pool.fqdn + " is associated with " +
                                 std::to_string(edges.size()) + " Edge pools: " + join(edges),
                             pool.where, {{"expected", "1"}, {"observed", join(edges)}}));
        } else if (model.find_edge_pool(edges.front()) == nullptr) {
            findings.push_back(make_finding(
                info(), Status::fail, subject,
                "associated Edge pool " + edges.front() + " is not defined in the topology",
                pool.where, {{"observed", edges.front()}}));
        } else {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            "associated with Edge pool " + edges.front(),
                                            pool.where, {{"observed", edges.front()}}));
        }
    }
    return or_not_applicable(info(), std::move(findings),
                             "no Front End pool or Standard Edition server is defined");
}

}  // namespace edgeplan::checks
