#include "checks/federation/single_federation_route.h"

#include <map>

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
        {cite("DEFTOPO"), cite("SETUP-FED"), cite("SCEN"), cite("DR"), cite("DR-FED")},
        "Enable federation on one Edge pool only and make it the site federation route"};
    return kInfo;
}

namespace {

const Site* site_of(const Model& model, const std::string& id) {
    for (const Site& site : model.sites) {
        if (site.id == id) return &site;
    }
    return nullptr;
}

bool among(const std::vector<std::string>& ids, const std::string& id) {
    for (const std::string& i : ids) {
        if (i == id) return true;
    }
    return false;
}

// Several Edge pools enable federation. DR and DR-FED (Lync Server 2013) say outbound
// federation goes through one Edge pool of the organization; Set-CsSite -FederationRoute and
// Topology Builder's site "Federation route assignment" make the route a property of each site
// (docs/checks/FED-01.md, "Contradiction"). So: two federation pools in one site fail; pools in
// different sites pass when every site's route is stated and names a federation-enabled pool;
// while the routes are not stated, the rule cannot be decided.
std::vector<Finding> judge_per_site(const CheckInfo& info, const Model& model,
                                    const std::vector<std::string>& enabled) {
    std::map<std::string, std::vector<std::string>> by_site;
    for (const EdgePool& pool : model.edge_pools) {
        if (pool.federation) by_site[pool.site_id].push_back(pool.id);
    }
    std::vector<Finding> findings;
    for (const auto& [site_id, pools] : by_site) {
        if (pools.size() < 2) continue;
        const Site* site = site_of(model, site_id);
        findings.push_back(
            make_finding(info, Status::fail, site_subject(site_id),
                         std::to_string(pools.size()) + " Edge pools in site " +
                             (site ? site->name : site_id) + " enable federation: " + join(pools),
                         site ? site->where : model.where,
                         {{"expected", "1"}, {"observed", std::to_string(pools.size())}}));
    }
    if (!findings.empty()) return findings;
    std::vector<std::string> unstated;
    for (const Site& site : model.sites) {
        if (site.federation_route.empty())
            unstated.push_back(site.name.empty() ? site.id : site.name);
    }
    if (!unstated.empty()) {
        return {unknown_setting(
            info, kTopologySubject,
            std::to_string(enabled.size()) + " Edge pools in " + std::to_string(by_site.size()) +
                " sites enable federation (" + join(enabled) +
                "); which one each site routes federation through is not stated for " +
                join(unstated),
            Setting::federation_route, model.where,
            {enabled.size() == 1 ? enabled[0] : "", unstated.size() == 1 ? unstated[0] : "", "",
             ""})};
    }
    for (const Site& site : model.sites) {
        const Evidence evidence{{"expected", "a federation-enabled Edge pool"},
                                {"observed", site.federation_route}};
        if (!among(enabled, site.federation_route)) {
            findings.push_back(make_finding(info, Status::fail, site_subject(site.id),
                                            "site " + site.name + " routes federation through " +
                                                site.federation_route +
                                                ", which does not enable federation (port 5061)",
                                            site.where, evidence));
        } else {
            findings.push_back(make_finding(
                info, Status::pass, site_subject(site.id),
                "site " + site.name + " routes federation through " + site.federation_route +
                    ", one of " + std::to_string(enabled.size()) +
                    " federation-enabled Edge pools, each the route of its own site",
                site.where, evidence));
        }
    }
    return findings;
}

}  // namespace

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
        std::map<std::string, int> sites;
        for (const EdgePool& pool : model.edge_pools) {
            if (pool.federation) ++sites[pool.site_id];
        }
        if (sites.size() > 1) return judge_per_site(info(), model, enabled);
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
