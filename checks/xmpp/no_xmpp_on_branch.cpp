#include "checks/xmpp/no_xmpp_on_branch.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& NoXmppOnBranchCheck::info() const {
    static const CheckInfo kInfo{
        "XMPP-02",
        "No XMPP-enabled policy is assigned to users homed on a Survivable Branch Appliance or "
        "Server",
        "xmpp",
        CheckKind::offline,
        Severity::must,
        {"XMPP"},
        {cite("PLAN-FED")},
        "Home XMPP users on a Front End pool, or assign SBA-homed users a policy without XMPP "
        "access"};
    return kInfo;
}

// PLAN-FED: XMPP federation is not supported for SBA-homed users (neither presence nor IM).
// Subject: pool:<SBA FQDN>, the SBA being a registrar pool of its own.
std::vector<Finding> NoXmppOnBranchCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.xmpp) return {not_applicable(info(), "XMPP federation is not used")};
    std::vector<Finding> findings;
    for (const BranchAppliance& sba : model.branch_appliances) {
        const bool bad = sba.users_homed && sba.users_have_xmpp_policy;
        findings.push_back(
            make_finding(info(), bad ? Status::fail : Status::pass, pool_subject(sba.fqdn),
                         bad ? "users homed on this branch appliance have an XMPP-enabled policy"
                             : "no XMPP-enabled policy for users homed here",
                         sba.where));
    }
    return or_not_applicable(info(), std::move(findings), "no Survivable Branch Appliance");
}

}  // namespace edgeplan::checks
