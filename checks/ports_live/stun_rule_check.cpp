#include "checks/ports_live/stun_rule_check.h"

#include <algorithm>

#include "checks/probes/observation.h"
#include "checks/probes/probe_requests.h"

namespace edgeplan::checks::ports_live {

void request_stun(const PortRuleSpec& spec, const CheckContext& context,
                  probes::ProbeRequests& requests) {
    for (const PortTarget& t :
         port_targets(context, spec.role, spec.mode, topology::Transport::udp)) {
        requests.stun.push_back({t.address, t.port});
    }
}

std::vector<Finding> evaluate_stun(const PortRuleSpec& spec, const CheckContext& context) {
    const CheckInfo& info = spec.info;
    const auto targets = port_targets(context, spec.role, spec.mode, topology::Transport::udp);
    if (targets.empty()) {
        return {make_skip(info, "topology", "not_applicable",
                          "the plan has no UDP rule " + info.id + " to probe")};
    }
    if (auto skip = not_probed(info, context, spec.mode)) return {*skip};
    std::vector<Finding> findings;
    for (const PortTarget& t : targets) {
        const std::string subject_text = endpoint_subject("udp", t.address, t.port);
        Evidence evidence = target_evidence(t, "udp");
        const probes::StunObservation* seen = observation_of(context.observations->stun, t);
        if (!seen) {
            findings.push_back(missing_observation(info, subject_text, t, evidence));
            continue;
        }
        const probes::StunOutcome& o = seen->outcome;
        const std::string where_to = t.address + ":" + std::to_string(t.port) + "/udp";
        Status status = violation_status(info);
        std::string message;
        std::string what;
        if (o.binding_answered && o.msturn_allocate_answered) {
            what = "binding+allocate";
        } else if (o.binding_answered) {
            what = "binding";
        } else if (o.msturn_allocate_answered) {
            what = "allocate";
        } else if (o.port_unreachable) {
            what = "port_unreachable";
        } else {
            what = "silence";
        }
        evidence.emplace_back("observed", what);
        if (o.error_code) evidence.emplace_back("error_code", std::to_string(*o.error_code));
        if (o.mapped_address) evidence.emplace_back("mapped_address", *o.mapped_address);
        if (o.binding_answered || o.msturn_allocate_answered) {
            // Either answer proves the A/V Edge is reachable on UDP; which one answered is
            // evidence (an MS-TURN 401 to an unauthenticated Allocate is the expected reply).
            status = Status::pass;
            message = where_to + " answered " +
                      (what == "binding+allocate" ? "the STUN Binding and the MS-TURN Allocate"
                       : what == "binding"        ? "the STUN Binding (not the MS-TURN Allocate)"
                                                  : "the MS-TURN Allocate (not the STUN Binding)");
        } else if (o.port_unreachable) {
            message = where_to + " answered ICMP port unreachable: nothing listens there";
        } else if (o.malformed_responses > 0) {
            message = where_to + " sent only malformed datagrams, no STUN answer";
        } else {
            message =
                where_to + " stayed silent to STUN Binding and MS-TURN Allocate until the timeout";
        }
        findings.push_back(make_finding(info, status, subject_text, message, t.where, evidence));
    }
    return findings;
}

}  // namespace edgeplan::checks::ports_live
