#pragma once
// The shape shared by the live UDP 3478 checks (PORT-EXT-12, PORT-INT-06): a STUN Binding and
// an MS-TURN Allocate go to every planned A/V address; an answer to either proves the port is
// reachable, silence to both by the timeout fails.
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

class StunRuleCheck final : public Check {
  public:
    explicit StunRuleCheck(PortRuleSpec spec) : spec_(std::move(spec)) {}
    const CheckInfo& info() const override { return spec_.info; }
    void request(const CheckContext& context, probes::ProbeRequests& requests) const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;

  private:
    PortRuleSpec spec_;  // mode: inbound_external or inbound_internal
};

}  // namespace edgeplan::checks::ports_live
