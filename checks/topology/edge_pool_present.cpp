#include "checks/topology/edge_pool_present.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& EdgePoolPresentCheck::info() const {
    static const CheckInfo kInfo{
        "TOPO-12",
        "The topology defines at least one Edge pool or single Edge Server",
        "topology",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("SCEN"), cite("COMPONENTS"), cite("DEFTOPO")},
        "Check that the right file was given: define the Edge pool in Topology Builder and "
        "publish, or add an EdgePool element"};
    return kInfo;
}

// Not a catalogue row: every other Edge rule is vacuous without an Edge pool, so a topology
// without one (a Front End-only export, the wrong file) gets one clear finding. SCEN and
// COMPONENTS (TOPO-07) make an Edge Server the precondition for external access.
std::vector<Finding> EdgePoolPresentCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (model.edge_pools.empty()) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "the topology defines no Edge pool: there is nothing to plan or check "
                             "for external access, federation or XMPP",
                             model.where, {{"expected", ">= 1"}, {"observed", "0"}})};
    }
    return {make_finding(
        info(), Status::pass, kTopologySubject,
        "the topology defines " + std::to_string(model.edge_pools.size()) + " Edge pool(s)",
        model.where, {{"observed", std::to_string(model.edge_pools.size())}})};
}

}  // namespace edgeplan::checks
