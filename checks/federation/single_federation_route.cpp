#include "checks/federation/single_federation_route.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SingleFederationRouteCheck::info() const {
    static const CheckInfo kInfo{
        "FED-01",
        "Exactly one Edge pool in the organization enables federation (port 5061) and carries "
        "all SIP federation and public IM traffic",
        "federation",
        CheckKind::offline,
        Severity::must,
        {"FED", "PIC"},
        {cite("DEFTOPO"), cite("SETUP-FED"), cite("SCEN"), cite("DR")},
        "Enable federation on one Edge pool only and make it the site federation route"};
    return kInfo;
}

// DEFTOPO, SETUP-FED: one federation route for the organization; zero when federation or
// public IM is wanted is a failure too.
std::vector<Finding> SingleFederationRouteCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    std::vector<std::string> enabled;
    for (const EdgePool& pool : model.edge_pools) {
        if (pool.federation) enabled.push_back(pool.id);
    }
    if (enabled.empty() && !context.plan.features.federation) {
        return {not_applicable(info(), "no Edge pool enables federation and none is wanted")};
    }
    const Evidence evidence{{"expected", "1"}, {"observed", std::to_string(enabled.size())}};
    if (enabled.size() > 1) {
        return {make_finding(
            info(), Status::fail, kTopologySubject,
            std::to_string(enabled.size()) + " Edge pools enable federation: " + join(enabled),
            model.where, evidence)};
    }
    if (enabled.empty()) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "federation or public IM is wanted but no Edge pool enables "
                             "federation (port 5061)",
                             model.where, evidence)};
    }
    std::vector<std::string> other_routes;
    for (const Site& site : model.sites) {
        if (!site.federation_route.empty() && site.federation_route != enabled.front()) {
            other_routes.push_back(site.id + " -> " + site.federation_route);
        }
    }
    if (!other_routes.empty()) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "federation is enabled on " + enabled.front() +
                                 " but sites route federation elsewhere: " + join(other_routes),
                             model.where, evidence)};
    }
    return {make_finding(info(), Status::pass, kTopologySubject,
                         "federation is enabled on exactly one Edge pool: " + enabled.front(),
                         model.where, evidence)};
}

}  // namespace edgeplan::checks
