#include "checks/federation/discovered_partner_limits.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& DiscoveredPartnerLimitsCheck::info() const {
    static const CheckInfo kInfo{
        "FED-05",
        "Partners that reach more than 1,000 users or send more than 20 messages per second are "
        "on the allowed list rather than discovered",
        "federation",
        CheckKind::offline,
        Severity::should,
        {"FED-DISC"},
        {cite("ALLOWDOM"), cite("ACCESSEDGE")},
        "Add busy partners to the allowed domains (New-CsAllowedDomain) so the discovered-partner "
        "limits do not throttle them"};
    return kInfo;
}

// ALLOWDOM, ACCESSEDGE: discovered partners are limited (MaxContactsPerDiscoveredPartner 1000,
// DiscoveredPartnerStandardRate 20). Partner traffic is not in the model, so with discovery on
// this is a reminder to review the partners, never a failure.
std::vector<Finding> DiscoveredPartnerLimitsCheck::evaluate(const CheckContext& context) const {
    const FederationSettings& fed = context.model.federation;
    if (!fed.partner_discovery) {
        if (!context.plan.features.federation) {
            return {not_applicable(info(), "SIP federation is not wanted")};
        }
        return {unknown_setting(info(), kTopologySubject, "EnablePartnerDiscovery is not stated",
                                Setting::partner_discovery, fed.where)};
    }
    if (!*fed.partner_discovery) return {not_applicable(info(), "partner discovery is off")};
    return {make_finding(
        info(), Status::warn, kTopologySubject,
        "partner discovery is on: discovered partners are limited to 1,000 of your users and 20 "
        "messages/s; put busy partners (" +
            std::to_string(fed.allowed.size()) + " allowed today) on the allowed list",
        fed.where, {{"expected", "busy partners allowed, not discovered"}})};
}

}  // namespace edgeplan::checks
