#pragma once
// Which ports `edgeplan listen` binds for a role, from the plan's firewall rules
// (docs/responder.md). Pure: Plan + role -> ports; no sockets.
#include <optional>
#include <string>
#include <vector>

#include "topology/plan.h"

namespace edgeplan::checks {

enum class ResponderRole {
    edge_external,  // on the Edge external interface: what Any may reach inbound (PORT-EXT-*)
    edge_internal,  // on the Edge internal interface: what the internal network reaches
                    // (PORT-INT-*)
    partner,        // on a host standing in for a remote Edge: what our Edge connects out to
};
const char* to_string(ResponderRole role);
std::optional<ResponderRole> parse_responder_role(const std::string& text);

struct ResponderPort {
    topology::Transport transport = topology::Transport::tcp;
    int port = 0;
    std::vector<std::string> rules;  // catalogue IDs expecting this port, sorted, no duplicates
};

// Sorted by transport (tcp first), then port; one entry per (transport, port). A rule's range
// (the media range 50000-59999) is taken whole, or, with `sample` > 0 and a range longer than
// `sample`, as `sample` ports spread evenly from its first to its last port.
std::vector<ResponderPort> responder_ports(const topology::Plan& plan, ResponderRole role,
                                           int sample = 0);

}  // namespace edgeplan::checks
