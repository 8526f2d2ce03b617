#include "checks/federation/discovery_needs_srv_routing.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& DiscoveryNeedsSrvRoutingCheck::info() const {
    static const CheckInfo kInfo{
        "FED-04",
        "Partner discovery is enabled only together with DNS SRV routing (UseDnsSrvRouting)",
        "federation",
        CheckKind::offline,
        Severity::must,
        {"FED-DISC"},
        {cite("DISCOVERY"), cite("ACCESSEDGE")},
        "Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $True"};
    return kInfo;
}

// DISCOVERY, ACCESSEDGE: EnablePartnerDiscovery requires RoutingMethod UseDnsSrvRouting.
std::vector<Finding> DiscoveryNeedsSrvRoutingCheck::evaluate(const CheckContext& context) const {
    const FederationSettings& fed = context.model.federation;
    if (!fed.partner_discovery) {
        if (!context.plan.features.federation) {
            return {not_applicable(info(), "SIP federation is not wanted")};
        }
        return {unknown_setting(info(), kTopologySubject, "EnablePartnerDiscovery is not stated",
                                Setting::partner_discovery, fed.where)};
    }
    if (!*fed.partner_discovery) return {not_applicable(info(), "partner discovery is off")};
    if (!fed.routing) {
        return {unknown_setting(info(), kTopologySubject,
                                "the Access Edge RoutingMethod is not stated",
                                Setting::federation_routing, fed.where)};
    }
    const bool srv = *fed.routing == RoutingMethod::dns_srv;
    return {make_finding(info(), srv ? Status::pass : Status::fail, kTopologySubject,
                         srv ? "partner discovery uses DNS SRV routing"
                             : "partner discovery is on but routing uses a default route",
                         fed.where,
                         {{"expected", "UseDnsSrvRouting"},
                          {"observed", srv ? "UseDnsSrvRouting" : "UseDefaultRouting"}})};
}

}  // namespace edgeplan::checks
