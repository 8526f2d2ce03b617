#include "checks/pic/public_im_policy.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PublicImPolicyCheck::info() const {
    static const CheckInfo kInfo{
        "PIC-02",
        "With public IM, an assigned External Access Policy enables communications with public "
        "users (EnablePublicCloudAccess) and federation is enabled for the organization",
        "pic",
        CheckKind::offline,
        Severity::must,
        {"PIC"},
        {cite("PUBPOL"), cite("SKYPE")},
        "Set-CsExternalAccessPolicy <policy> -EnablePublicCloudAccess $True, assign it, and set "
        "AllowFederatedUsers $True"};
    return kInfo;
}

// PUBPOL: the policy takes effect only when federation is enabled for the organization.
std::vector<Finding> PublicImPolicyCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.public_im)
        return {not_applicable(info(), "no public IM provider is enabled")};
    if (model.policies.empty()) {
        return {unknown_setting(info(), kTopologySubject, "no External Access Policy is stated",
                                Setting::external_access_policies, model.where)};
    }
    if (model.federation.enabled == false) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "public IM policies take no effect: AllowFederatedUsers is False",
                             model.federation.where)};
    }
    const auto enabling =
        assigned_policies(model, [](const ExternalAccessPolicy& p) { return p.public_im; });
    if (enabling.empty()) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "no assigned External Access Policy enables public IM", model.where,
                             {{"expected", "EnablePublicCloudAccess=True"}})};
    }
    std::vector<Finding> findings;
    for (const ExternalAccessPolicy* policy : enabling) {
        findings.push_back(make_finding(info(), Status::pass, policy_subject(policy->name),
                                        "policy enables public IM and is assigned", policy->where));
    }
    return findings;
}

}  // namespace edgeplan::checks
