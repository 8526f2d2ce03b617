#include "checks/federation/federation_enabled.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& FederationEnabledCheck::info() const {
    static const CheckInfo kInfo{
        "FED-02",
        "The Access Edge configuration enables communications with federated users "
        "(AllowFederatedUsers) when SIP federation, public IM, XMPP or push is used",
        "federation",
        CheckKind::offline,
        Severity::must,
        {"FED", "PIC", "XMPP", "PUSH"},
        {cite("ENFED"), cite("ACCESSEDGE"), cite("PUSH")},
        "Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True (Control Panel: Federation and "
        "External Access > Access Edge Configuration)"};
    return kInfo;
}

// ENFED, ACCESSEDGE: the one switch covers SIP and XMPP federation and public IM; PUSH needs
// it too.
std::vector<Finding> FederationEnabledCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.federation && !context.plan.features.xmpp &&
        !context.plan.features.push) {
        return {not_applicable(info(), "no federation, public IM, XMPP or push is wanted")};
    }
    const FederationSettings& fed = model.federation;
    if (!fed.enabled) {
        return {unknown_setting(info(), kTopologySubject, "AllowFederatedUsers is not stated",
                                Setting::federation_enabled, fed.where)};
    }
    const Evidence evidence{{"expected", "AllowFederatedUsers=True"},
                            {"observed", *fed.enabled ? "True" : "False"}};
    return {make_finding(info(), *fed.enabled ? Status::pass : Status::fail, kTopologySubject,
                         *fed.enabled ? "communications with federated users are enabled"
                                      : "federation is wanted but AllowFederatedUsers is False",
                         fed.where, evidence)};
}

}  // namespace edgeplan::checks
