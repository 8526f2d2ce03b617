#pragma once
// PORT-INT-06 (live): UDP 3478 reaches the Edge internal interface (STUN/MS-TURN answers). Doc:
// docs/checks/PORT-INT-06.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_udp_internal_live_check();

}  // namespace edgeplan::checks::ports_live
