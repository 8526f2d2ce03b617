#include "checks/responder_ports.h"

#include <algorithm>
#include <map>
#include <utility>

namespace edgeplan::checks {
namespace {

using topology::Direction;
using topology::FirewallRule;
using topology::FirewallSide;

// Outbound external rules whose far end is not a partner Edge: CRL downloads (PORT-EXT-03,
// TCP 80) and DNS (PORT-EXT-04, 53). A partner stand-in has no reason to answer them.
bool is_partner_rule(const FirewallRule& rule) {
    return rule.role != topology::FirewallRole::crl_outbound &&
           rule.role != topology::FirewallRole::dns_outbound;
}

bool selected(const FirewallRule& rule, ResponderRole role) {
    switch (role) {
        case ResponderRole::edge_external:
            return rule.side == FirewallSide::external && rule.direction == Direction::inbound;
        case ResponderRole::edge_internal:
            return rule.side == FirewallSide::internal && rule.direction == Direction::inbound;
        case ResponderRole::partner:
            return rule.side == FirewallSide::external && rule.direction == Direction::outbound &&
                   is_partner_rule(rule);
    }
    return false;
}

std::vector<int> ports_of(const FirewallRule& rule, int sample) {
    const int first = std::max(1, rule.port_from);
    const int last = std::min(65535, std::max(rule.port_to, rule.port_from));
    std::vector<int> ports;
    if (first > last) return ports;
    const long count = static_cast<long>(last) - first + 1;
    if (sample <= 0 || count <= sample) {
        for (int port = first; port <= last; ++port) ports.push_back(port);
    } else if (sample == 1) {
        ports.push_back(first);
    } else {
        // Evenly spread, both ends included: first + i * (count - 1) / (sample - 1).
        for (long i = 0; i < sample; ++i) {
            ports.push_back(first + static_cast<int>(i * (count - 1) / (sample - 1)));
        }
    }
    return ports;
}

}  // namespace

const char* to_string(ResponderRole role) {
    switch (role) {
        case ResponderRole::edge_external:
            return "edge-external";
        case ResponderRole::edge_internal:
            return "edge-internal";
        case ResponderRole::partner:
            break;
    }
    return "partner";
}

std::optional<ResponderRole> parse_responder_role(const std::string& text) {
    for (ResponderRole role :
         {ResponderRole::edge_external, ResponderRole::edge_internal, ResponderRole::partner}) {
        if (text == to_string(role)) return role;
    }
    return std::nullopt;
}

std::vector<ResponderPort> responder_ports(const topology::Plan& plan, ResponderRole role,
                                           int sample) {
    std::map<std::pair<topology::Transport, int>, std::vector<std::string>> ports;
    for (const FirewallRule& rule : plan.firewall) {
        if (!selected(rule, role)) continue;
        for (int port : ports_of(rule, sample)) {
            std::vector<std::string>& rules = ports[{rule.transport, port}];
            if (!rule.rule.empty() &&
                std::find(rules.begin(), rules.end(), rule.rule) == rules.end()) {
                rules.push_back(rule.rule);
            }
        }
    }
    std::vector<ResponderPort> out;
    out.reserve(ports.size());
    for (auto& [key, rules] : ports) {
        std::sort(rules.begin(), rules.end());
        out.push_back({key.first, key.second, std::move(rules)});
    }
    return out;
}

}  // namespace edgeplan::checks
