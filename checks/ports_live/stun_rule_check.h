#pragma once
// The STUN method of the port engine (PORT-EXT-12, PORT-INT-06): a STUN Binding and an
// MS-TURN Allocate go to every planned A/V address; an answer to either proves the port is
// reachable, silence to both by the timeout fails.
#include "checks/ports_live/port_rule_check.h"

namespace edgeplan::checks::ports_live {

void request_stun(const PortRuleSpec& spec, const CheckContext& context,
                  probes::ProbeRequests& requests);
std::vector<Finding> evaluate_stun(const PortRuleSpec& spec, const CheckContext& context);

}  // namespace edgeplan::checks::ports_live
