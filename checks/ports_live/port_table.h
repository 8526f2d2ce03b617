#pragma once
// The live port checks as data: one row per requirement of catalogue tables 2.2 and 2.3 that
// a probe can verify. The engine (port_rule_check.h) is the only code; a row names the plan
// role it probes, from which side and with which method.
#include <memory>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

// One check per row, in table order (sorted by catalogue ID).
std::vector<std::unique_ptr<Check>> make_port_checks();

}  // namespace edgeplan::checks::ports_live
