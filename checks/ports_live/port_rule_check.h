#pragma once
// The shape shared by the live port checks (PORT-EXT-*, PORT-INT-*): every firewall rule of
// the plan with the check's catalogue ID that can be probed from the chosen side becomes one
// probe per address; the check judges open / closed (RST) / filtered / unreachable. Each check
// ID configures one of these in its own file pair.
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

struct PortRuleSpec {
    CheckInfo info;
    std::string rule;  // catalogue ID of the plan's firewall rules (usually info.id)
    PortProbeMode mode = PortProbeMode::inbound_external;
    // outbound_edge only (token echo, echo_rule_check.h): TCP or UDP. Inbound checks are TCP
    // here and UDP in stun_rule_check.h.
    topology::Transport transport = topology::Transport::tcp;
};

// One endpoint to probe, derived from the plan (or --responder for outbound rules).
struct PortTarget {
    std::string address;
    std::uint16_t port = 0;
    std::string row;  // X5, I2, V3, ...
    topology::SourceLocation where;
};

// "tcp:198.51.100.10:443", "udp:[2001:db8::1]:3478" (docs/subjects.md).
std::string endpoint_subject(const char* transport, const std::string& address, int port);
ProbeSide side_of(PortProbeMode mode);

// The single-port rules of `rule` for this mode and transport (ranges are not probed).
std::vector<PortTarget> port_targets(const CheckContext& context, const std::string& rule,
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
