#pragma once
// The engine of the live port checks (PORT-EXT-*, PORT-INT-*, one row each in port_table.cpp):
// every firewall rule of the plan with the row's role that can be probed from the chosen side
// becomes one probe per address. TCP connects judge open / closed (RST) / filtered /
// unreachable here; STUN (stun_rule_check.h) and token echo (echo_rule_check.h) are the other
// probe methods.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/probe_settings.h"

namespace edgeplan::checks::ports_live {

enum class PortProbeMode {
    inbound_external,  // --from external: public, NAT public or VIP addresses (probe_addresses)
    inbound_internal,  // --from internal: the Edge internal interfaces (or internal VIP)
    outbound_edge,     // --from edge: from the Edge host toward --responder on the rule's port
};

// How a port is probed: a TCP connect, a STUN Binding plus MS-TURN Allocate (UDP), or the
// token-echo protocol toward `edgeplan listen --role partner` (outbound rules, TCP or UDP).
enum class PortProbeMethod { tcp_connect, stun, token_echo };

struct PortRuleSpec {
    CheckInfo info;
    topology::FirewallRole role = topology::FirewallRole::access_client;  // plan rows probed
    PortProbeMode mode = PortProbeMode::inbound_external;
    PortProbeMethod method = PortProbeMethod::tcp_connect;
    // The plan rows' transport: TCP for tcp_connect, UDP for stun, either for token_echo.
    topology::Transport transport = topology::Transport::tcp;
};

// One endpoint to probe, derived from the plan (or --responder for outbound rules).
struct PortTarget {
    std::string address;
    std::uint16_t port = 0;
    std::string row;       // X5, I2, V3, ...: the catalogue table row, kept as evidence
    std::string protocol;  // "SIP/TLS", "XMPP/TCP", ...: what the port carries, for messages
    std::string rule;      // the firewall plan's label for the row: its catalogue ID
    topology::SourceLocation where;
};

// "tcp:198.51.100.10:443", "udp:[2001:db8::1]:3478" (docs/subjects.md).
std::string endpoint_subject(const char* transport, const std::string& address, int port);
ProbeSide side_of(PortProbeMode mode);

// The single-port rules of `role` for this mode and transport (ranges are not probed).
std::vector<PortTarget> port_targets(const CheckContext& context, topology::FirewallRole role,
                                     PortProbeMode mode, topology::Transport transport);

// What every port finding's evidence starts with: address, port, transport and plan row.
Evidence target_evidence(const PortTarget& target, const char* transport);

// The observation (TCP or STUN) of `target`, or nullptr when that probe was not run.
template <typename Observation>
const Observation* observation_of(const std::vector<Observation>& observed,
                                  const PortTarget& target) {
    const auto it = std::find_if(observed.begin(), observed.end(), [&](const Observation& o) {
        return o.probe.address == target.address && o.probe.port == target.port;
    });
    return it == observed.end() ? nullptr : &*it;
}

// The error finding for a target whose probe has no observation.
Finding missing_observation(const CheckInfo& info, const std::string& subject,
                            const PortTarget& target, Evidence evidence);

// A skip finding when the run is offline, the side was not chosen, or the edge mode lacks a
// responder; nullopt when probes apply.
std::optional<Finding> not_probed(const CheckInfo& info, const CheckContext& context,
                                  PortProbeMode mode);

class PortRuleCheck final : public Check {
  public:
    explicit PortRuleCheck(PortRuleSpec spec) : spec_(std::move(spec)) {}
    const CheckInfo& info() const override { return spec_.info; }
    void request(const CheckContext& context, probes::ProbeRequests& requests) const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;

  private:
    PortRuleSpec spec_;
};

}  // namespace edgeplan::checks::ports_live
