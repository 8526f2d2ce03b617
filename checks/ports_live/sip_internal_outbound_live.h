#pragma once
// PORT-INT-03 (live): The Edge internal interface can open TCP 5061 toward the next hop. Doc:
// docs/checks/PORT-INT-03.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_sip_internal_outbound_live_check();

}  // namespace edgeplan::checks::ports_live
