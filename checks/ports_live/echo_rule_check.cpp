#include "checks/ports_live/echo_rule_check.h"

#include <algorithm>

#include "checks/probes/observation.h"
#include "checks/probes/probe_requests.h"
#include "checks/responder_ports.h"

namespace edgeplan::checks::ports_live {
namespace {

const topology::FirewallRule* covering_rule(const topology::Plan& plan, topology::FirewallRole role,
                                            topology::Transport transport, int port) {
    for (const topology::FirewallRule& r : plan.firewall) {
        if (r.role == role && r.transport == transport &&
            r.direction == topology::Direction::outbound && r.port_from <= port &&
            port <= std::max(r.port_from, r.port_to)) {
            return &r;
        }
    }
    return nullptr;
}

}  // namespace

std::vector<EchoPortTarget> echo_targets(const CheckContext& context, topology::FirewallRole role,
                                         topology::Transport transport) {
    std::vector<EchoPortTarget> out;
    if (!context.probe || context.probe->responder.empty()) return out;
    // The partner role's ports are what `edgeplan listen --role partner --sample N` binds; a
    // rule of another side (PORT-INT-03, TCP 5061) is probed where the partner answers it too.
    for (const ResponderPort& p :
         responder_ports(context.plan, ResponderRole::partner, context.probe->sample)) {
        if (p.transport != transport) continue;
        const topology::FirewallRule* r = covering_rule(context.plan, role, transport, p.port);
        if (!r) continue;
        out.push_back(
            {{context.probe->responder, p.port, transport}, r->row, r->protocol, r->where});
    }
    return out;
}

void request_echo(const PortRuleSpec& spec, const CheckContext& context,
                  probes::ProbeRequests& requests) {
    for (const EchoPortTarget& t : echo_targets(context, spec.role, spec.transport)) {
        requests.token_echo.push_back(t.target);
    }
}

std::vector<Finding> evaluate_echo(const PortRuleSpec& spec, const CheckContext& context) {
    const CheckInfo& info = spec.info;
    const char* transport = topology::to_string(spec.transport);
    if (auto skip = not_probed(info, context, spec.mode)) return {*skip};
    const auto targets = echo_targets(context, spec.role, spec.transport);
    if (targets.empty()) {
        return {make_skip(info, "topology", "not_applicable",
                          "the partner responder answers no " + std::string(transport) +
                              " port of rule " + info.id +
                              " (docs/responder.md); nothing to probe toward it")};
    }
    std::vector<Finding> findings;
    for (const EchoPortTarget& t : targets) {
        const std::string& address = t.target.address;
        const int port = t.target.port;
        const std::string subject_text = endpoint_subject(transport, address, port);
        Evidence evidence{{"ip", address},
                          {"port", std::to_string(port)},
                          {"transport", transport},
                          {"row", t.row},
                          {"probe", "token_echo"}};
        const auto& observed = context.observations->token_echo;
        const auto it = std::find_if(observed.begin(), observed.end(),
                                     [&](const auto& o) { return o.target == t.target; });
        if (it == observed.end()) {
            findings.push_back(
                make_finding(info, Status::error, subject_text,
                             "no observation for " + subject_text + " (the probe was not run)",
                             t.where, evidence));
            continue;
        }
        evidence.emplace_back("observed", probes::to_string(it->status));
        if (!it->detail.empty()) evidence.emplace_back("detail", it->detail);
        const std::string where_to =
            std::string(transport) + " " + address + ":" + std::to_string(port);
        Status status = violation_status(info);
        std::string message;
        // Only the responder's echo of our token proves the path: anything else answering
        // (a proxy, another service) is not the responder (docs/responder.md).
        switch (it->status) {
            case probes::EchoStatus::echoed:
                status = Status::pass;
                message = "the responder echoed our token on " + where_to + " (" + t.protocol + ")";
                break;
            case probes::EchoStatus::silent:
                message =
                    where_to + " is filtered: no answer before the timeout (a firewall drops it)";
                break;
            case probes::EchoStatus::closed:
                message = where_to + " is closed: refused or unreachable (" + it->detail +
                          "); is `edgeplan listen --role partner` running there?";
                break;
            case probes::EchoStatus::wrong_answer:
                message = "something else answers on " + where_to +
                          ", not the responder with our token: " + it->detail;
                break;
            case probes::EchoStatus::error:
                status = Status::error;
                message = "the probe of " + where_to + " could not run here: " + it->detail;
                break;
        }
        findings.push_back(make_finding(info, status, subject_text, message, t.where, evidence));
    }
    return findings;
}

}  // namespace edgeplan::checks::ports_live
