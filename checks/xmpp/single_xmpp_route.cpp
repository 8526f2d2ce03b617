#include "checks/xmpp/single_xmpp_route.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& SingleXmppRouteCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-04",
        "XMPP federation is hosted in one site: exactly one Edge pool is the XMPP federation "
        "route, and that pool enables XMPP federation (port 5269)",
        "xmpp",
        CheckKind::offline,
        Severity::must,
        {"XMPP"},
        {cite("CHANGES"), cite("DEFTOPO"), cite("SETUP-XMPP"), cite("DR-XMPP")},
        "Set the site's XMPP federation route to one Edge pool and enable XMPP federation on "
        "that pool only"};
    return kInfo;
}

// CHANGES, DEFTOPO, SETUP-XMPP: one XMPP route for the organization.
std::vector<Finding> SingleXmppRouteCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.xmpp) return {not_applicable(info(), "XMPP federation is not used")};
    std::vector<std::string> routes;
    for (const Site& site : model.sites) {
        if (!site.xmpp_federation_route.empty() &&
            !contains_name(routes, site.xmpp_federation_route)) {
            routes.push_back(site.xmpp_federation_route);
        }
    }
    // Lync exports do not record site routes (topology-xml.md 8.3): absent there means unknown.
    if (routes.empty() && model.format != TopologyFormat::edgeplan) {
        // The snippet names the site and the pool when the topology leaves no choice.
        SnippetNames names;
        if (model.sites.size() == 1) names.site = model.sites[0].name;
        std::vector<std::string> xmpp_pools;
        for (const EdgePool& pool : model.edge_pools) {
            if (pool.xmpp) xmpp_pools.push_back(pool.id);
        }
        if (xmpp_pools.size() == 1) names.pool = xmpp_pools[0];
        return {unknown_setting(info(), kTopologySubject,
                                "the site's XMPP federation route is not stated (the topology "
                                "export does not record it)",
                                Setting::xmpp_route, model.where, names)};
    }
    std::vector<std::string> flagged;
    for (const EdgePool& pool : model.edge_pools) {
        if (pool.xmpp) flagged.push_back(pool.id);
    }
    const Evidence evidence{{"expected", "1 route"}, {"observed", join(routes)}};
    std::vector<std::string> problems;
    if (routes.empty()) problems.push_back("no site names an XMPP federation route");
    if (routes.size() > 1) problems.push_back("several XMPP routes: " + join(routes));
    if (routes.size() == 1) {
        const EdgePool* pool = model.find_edge_pool(routes.front());
        if (pool == nullptr) {
            problems.push_back("XMPP route " + routes.front() + " is not an Edge pool");
        } else if (!pool->xmpp) {
            problems.push_back("route pool " + pool->id + " does not enable XMPP federation");
        }
    }
    for (const std::string& id : flagged) {
        if (!contains_name(routes, id)) {
            problems.push_back("pool " + id + " enables XMPP but is not the XMPP route");
        }
    }
    return {make_finding(info(), problems.empty() ? Status::pass : Status::fail, kTopologySubject,
                         problems.empty() ? "XMPP federation is routed through " + routes.front()
                                          : join(problems, "; "),
                         model.where, evidence)};
}

}  // namespace edgeplan::checks
