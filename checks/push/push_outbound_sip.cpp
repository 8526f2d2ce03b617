#include "checks/push/push_outbound_sip.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PushOutboundSipCheck::info() const {
    static const CheckInfo kInfo{
        "PUSH-04",
        "For mobile push, the plan lets the federation Access Edge send SIP/TLS on TCP 5061 "
        "outbound",
        "push",
        CheckKind::offline,
        Severity::must,
        {"PUSH"},
        {cite("CHANGES"), cite("PS-S1")},
        "Enable federation on one Edge pool so the plan opens outbound TCP 5061 from its Access "
        "Edge"};
    return kInfo;
}

// CHANGES: "minimally outbound SIP/TCP/5061 from the Access Edge" for mobility (PORT-EXT-07).
std::vector<Finding> PushOutboundSipCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    if (!context.plan.features.push)
        return {not_applicable(info(), "no SIP domain uses mobile push")};
    const auto pools = federation_pools(model);
    if (pools.empty()) {
        return {make_finding(info(), Status::fail, kTopologySubject,
                             "push is wanted but no Edge pool carries federation, so nothing "
                             "opens outbound TCP 5061",
                             model.where)};
    }
    std::vector<Finding> findings;
    for (const EdgePool* pool : pools) {
        bool found = false;
        for (const FirewallRule& rule : context.plan.firewall) {
            if (rule.pool_id == pool->id && rule.side == FirewallSide::external &&
                rule.direction == Direction::outbound && rule.transport == Transport::tcp &&
                rule.port_from <= 5061 && 5061 <= rule.port_to) {
                found = true;
            }
        }
        findings.push_back(make_finding(
            info(), found ? Status::pass : Status::fail, pool_subject(pool->id),
            found ? "the plan opens outbound TCP 5061 from the Access Edge"
                  : "the plan has no outbound TCP 5061 rule for this pool's Access Edge",
            pool->where, {{"port", "5061"}, {"transport", "tcp"}}));
    }
    return findings;
}

}  // namespace edgeplan::checks
