#pragma once
// PORT-EXT-13 (live): TCP 443 (STUN/MS-TURN over TCP) from the Internet reaches the A/V Edge. Doc:
// docs/checks/PORT-EXT-13.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_tcp_inbound_live_check();

}  // namespace edgeplan::checks::ports_live
