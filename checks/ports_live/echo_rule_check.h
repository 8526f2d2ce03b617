#pragma once
// The --from edge variant of the port checks (docs/responder.md): outbound rules are probed
// with the token-echo protocol toward `edgeplan listen --role partner`, so only the
// responder's echo of our token counts as open (a transparent proxy or another service that
// accepts the connection does not). TCP and UDP; a port range is probed on the same sample of
// ports the responder binds (checks/responder_ports.h, --sample).
#include "checks/ports_live/port_rule_check.h"
#include "checks/probes/token_echo_prober.h"

namespace edgeplan::checks::ports_live {

struct EchoPortTarget {
    probes::EchoTarget target;
    std::string row;       // the catalogue table row, kept as evidence
    std::string protocol;  // what the port carries, for messages
    topology::SourceLocation where;
};

// Targets of `role` (outbound rules of that role and transport) toward the responder: only
// ports the partner responder answers; ranges sampled as the responder samples them.
std::vector<EchoPortTarget> echo_targets(const CheckContext& context, topology::FirewallRole role,
                                         topology::Transport transport);

void request_echo(const PortRuleSpec& spec, const CheckContext& context,
                  probes::ProbeRequests& requests);
std::vector<Finding> evaluate_echo(const PortRuleSpec& spec, const CheckContext& context);

}  // namespace edgeplan::checks::ports_live
