#include "checks/ports_live/port_rule_check.h"

#include <algorithm>

#include "checks/ports_live/echo_rule_check.h"
#include "checks/ports_live/stun_rule_check.h"
#include "checks/probes/observation.h"
#include "checks/probes/probe_requests.h"
#include "topology/subjects.h"

namespace edgeplan::checks::ports_live {
namespace {

const char* mode_text(PortProbeMode mode) {
    switch (mode) {
        case PortProbeMode::inbound_external:
            return "from outside";
        case PortProbeMode::inbound_internal:
            return "from the internal network";
        case PortProbeMode::outbound_edge:
            return "from the Edge toward the responder";
    }
    return "";
}

}  // namespace

std::string endpoint_subject(const char* transport, const std::string& address, int port) {
    return subjects::endpoint_subject(transport, address, port);
}

Evidence target_evidence(const PortTarget& target, const char* transport) {
    return {{"ip", target.address},
            {"port", std::to_string(target.port)},
            {"transport", transport},
            {"row", target.row}};
}

Finding missing_observation(const CheckInfo& info, const std::string& subject,
                            const PortTarget& target, Evidence evidence) {
    return make_finding(info, Status::error, subject,
                        "no observation for " + subject + " (the probe was not run)", target.where,
                        std::move(evidence));
}

ProbeSide side_of(PortProbeMode mode) {
    switch (mode) {
        case PortProbeMode::inbound_external:
            return ProbeSide::external;
        case PortProbeMode::inbound_internal:
            return ProbeSide::internal;
        case PortProbeMode::outbound_edge:
            return ProbeSide::edge;
    }
    return ProbeSide::external;
}

std::vector<PortTarget> port_targets(const CheckContext& context, topology::FirewallRole role,
                                     PortProbeMode mode, topology::Transport transport) {
    std::vector<PortTarget> out;
    auto add = [&](const std::string& address, int port, const topology::FirewallRule& r) {
        const bool seen = std::any_of(out.begin(), out.end(), [&](const PortTarget& t) {
            return t.address == address && t.port == port;
        });
        if (!seen && port > 0 && port < 65536) {
            out.push_back(
                {address, static_cast<std::uint16_t>(port), r.row, r.protocol, r.rule, r.where});
        }
    };
    for (const topology::FirewallRule& r : context.plan.firewall) {
        if (r.role != role || r.transport != transport || r.port_from != r.port_to) continue;
        switch (mode) {
            case PortProbeMode::inbound_external:
            case PortProbeMode::inbound_internal: {
                const auto side = mode == PortProbeMode::inbound_external
                                      ? topology::FirewallSide::external
                                      : topology::FirewallSide::internal;
                if (r.direction != topology::Direction::inbound || r.side != side) break;
                for (const std::string& a : r.probe_addresses) add(a, r.port_from, r);
                break;
            }
            case PortProbeMode::outbound_edge:
                if (r.direction != topology::Direction::outbound || !context.probe ||
                    context.probe->responder.empty()) {
                    break;
                }
                add(context.probe->responder, r.port_from, r);
                break;
        }
    }
    return out;
}

std::optional<Finding> not_probed(const CheckInfo& info, const CheckContext& context,
                                  PortProbeMode mode) {
    if (!context.observations || !context.probe) {
        return make_skip(info, "topology", "offline",
                         "live check: run `edgeplan check` to probe the ports");
    }
    if (!context.probe->probes_from(side_of(mode))) {
        return make_skip(
            info, "topology", "side_not_selected",
            std::string("probes ") + mode_text(mode) + " need --from " + to_string(side_of(mode)));
    }
    if (mode == PortProbeMode::outbound_edge && context.probe->responder.empty()) {
        return make_skip(info, "topology", "not_requested",
                         "outbound rules are probed toward --responder ADDR");
    }
    return std::nullopt;
}

void PortRuleCheck::request(const CheckContext& context, probes::ProbeRequests& requests) const {
    if (!context.probe || !context.probe->probes_from(side_of(spec_.mode))) return;
    if (spec_.method == PortProbeMethod::token_echo) return request_echo(spec_, context, requests);
    if (spec_.method == PortProbeMethod::stun) return request_stun(spec_, context, requests);
    for (const PortTarget& t :
         port_targets(context, spec_.role, spec_.mode, topology::Transport::tcp)) {
        requests.tcp.push_back({t.address, t.port, std::nullopt});
    }
}

std::vector<Finding> PortRuleCheck::evaluate(const CheckContext& context) const {
    if (spec_.method == PortProbeMethod::token_echo) return evaluate_echo(spec_, context);
    if (spec_.method == PortProbeMethod::stun) return evaluate_stun(spec_, context);
    const CheckInfo& info = spec_.info;
    const auto targets = port_targets(context, spec_.role, spec_.mode, topology::Transport::tcp);
    if (targets.empty()) {
        return {make_skip(info, "topology", "not_applicable",
                          "the plan has no single-port TCP rule " + info.id + " to probe")};
    }
    if (auto skip = not_probed(info, context, spec_.mode)) return {*skip};
    std::vector<Finding> findings;
    for (const PortTarget& t : targets) {
        const std::string subject_text = endpoint_subject("tcp", t.address, t.port);
        Evidence evidence = target_evidence(t, "tcp");
        const probes::TcpObservation* seen = observation_of(context.observations->tcp, t);
        if (!seen) {
            findings.push_back(missing_observation(info, subject_text, t, evidence));
            continue;
        }
        evidence.emplace_back("observed", probes::to_string(seen->outcome));
        if (seen->probe.source_address)
            evidence.emplace_back("source_ip", *seen->probe.source_address);
        const std::string where_to = t.address + ":" + std::to_string(t.port);
        Status status = violation_status(info);
        std::string message;
        std::string remediation;
        // Lync must listen on every probed port: closed and filtered both fail, with different
        // evidence (RST from a host versus silence from a firewall).
        switch (seen->outcome) {
            case probes::TcpOutcome::open:
                status = Status::pass;
                message = where_to + " accepts TCP connections (" + t.protocol + ")";
                break;
            case probes::TcpOutcome::closed:
                message = where_to + " is closed: the host answered RST, nothing listens there";
                remediation =
                    "The firewall let the connection through but no service listens "
                    "on " +
                    where_to +
                    ": start the Edge services on that server and "
                    "check that the port is bound to this address (Topology Builder: "
                    "the Edge pool's external ports and IP addresses)";
                break;
            case probes::TcpOutcome::filtered:
                message =
                    where_to + " is filtered: no answer before the timeout (a firewall drops it)";
                remediation = "Open TCP " + std::to_string(t.port) + " to " + t.address +
                              " on the firewall in front of the Edge (and forward it on the NAT "
                              "device, if any): the firewall plan's " +
                              t.rule + " row";
                break;
            case probes::TcpOutcome::unreachable:
                message = where_to + " is unreachable: " +
                          (seen->detail.empty() ? "no route to the host" : seen->detail);
                break;
            case probes::TcpOutcome::local_error:
                status = Status::error;
                message = "the probe of " + where_to + " could not run here: " + seen->detail;
                break;
        }
        Finding finding = make_finding(info, status, subject_text, message, t.where, evidence);
        finding.remediation = std::move(remediation);
        findings.push_back(std::move(finding));
    }
    return findings;
}

}  // namespace edgeplan::checks::ports_live
