#include "checks/xmpp/xmpp_policy.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& XmppPolicyCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-06",
        "With XMPP federation, an assigned External Access Policy enables XMPP access "
        "(EnableXmppAccess) and federation is allowed in the Access Edge configuration",
        "xmpp",
        CheckKind::offline,
        Severity::must,
        {"XMPP"},
        {cite("SETUP-XMPP"), cite("XMPP-POLICY"), cite("CFG-FED")},
        "Set-CsExternalAccessPolicy <policy> -EnableXmppAccess $True (and "
        "-EnableFederationAccess $True), assign it, and set AllowFederatedUsers $True"};
    return kInfo;
}

// SETUP-XMPP, XMPP-POLICY.
std::vector<Finding> XmppPolicyCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.xmpp) return {not_applicable(info(), "XMPP federation is not used")};
    if (model.federation.enabled == false) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "XMPP is wanted but AllowFederatedUsers is False",
                             model.federation.where)};
    }
    if (model.policies.empty()) {
        return {unknown_setting(info(), kTopologySubject, "no External Access Policy is stated",
                                Setting::external_access_policies, model.where)};
    }
    const auto enabling =
        assigned_policies(model, [](const ExternalAccessPolicy& p) { return p.xmpp; });
    if (enabling.empty()) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "no assigned External Access Policy enables XMPP access", model.where,
                             {{"expected", "EnableXmppAccess=True"}})};
    }
    std::vector<Finding> findings;
    for (const ExternalAccessPolicy* policy : enabling) {
        findings.push_back(make_finding(info(), Status::pass, policy_subject(policy->name),
                                        "policy enables XMPP access and is assigned",
                                        policy->where));
    }
    return findings;
}

}  // namespace edgeplan::checks
