#pragma once
// PORT-EXT-12 (live): UDP 3478 from the Internet reaches the A/V Edge (STUN/MS-TURN answers). Doc:
// docs/checks/PORT-EXT-12.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_udp_inbound_live_check();

}  // namespace edgeplan::checks::ports_live
