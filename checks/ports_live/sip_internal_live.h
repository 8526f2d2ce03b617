#pragma once
// PORT-INT-02 (live): TCP 5061 (SIP/MTLS) from the next hop reaches the Edge internal interface.
// Doc: docs/checks/PORT-INT-02.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_sip_internal_live_check();

}  // namespace edgeplan::checks::ports_live
