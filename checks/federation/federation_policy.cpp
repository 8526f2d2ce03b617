#include "checks/federation/federation_policy.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& FederationPolicyCheck::info() const {
    static const CheckInfo kInfo{
        "FED-03",
        "At least one assigned External Access Policy enables federation access "
        "(EnableFederationAccess)",
        "federation",
        CheckKind::offline,
        Severity::must,
        {"FED"},
        {cite("ENFED"), cite("DISCOVERY"), cite("CFG-FED")},
        "Set-CsExternalAccessPolicy Global -EnableFederationAccess $True (or assign a site/user "
        "policy that enables it)"};
    return kInfo;
}

// ENFED: without a policy enabling federation, federated users cannot take part even with
// federation enabled at the Access Edge.
std::vector<Finding> FederationPolicyCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.federation)
        return {not_applicable(info(), "SIP federation is not wanted")};
    if (model.policies.empty()) {
        return {unknown_setting(info(), kTopologySubject, "no External Access Policy is stated",
                                Setting::external_access_policies, model.where)};
    }
    const auto enabling =
        assigned_policies(model, [](const ExternalAccessPolicy& p) { return p.federation; });
    if (enabling.empty()) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "no assigned External Access Policy enables federation access",
                             model.where, {{"expected", "EnableFederationAccess=True"}})};
    }
    std::vector<Finding> findings;
    for (const ExternalAccessPolicy* policy : enabling) {
        findings.push_back(make_finding(info(), Status::pass, policy_subject(policy->name),
                                        "policy enables federation access and is assigned",
                                        policy->where));
    }
    return findings;
}

}  // namespace edgeplan::checks
