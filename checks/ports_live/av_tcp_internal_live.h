#pragma once
// PORT-INT-07 (live): TCP 443 (STUN/MS-TURN over TCP) reaches the Edge internal interface. Doc:
// docs/checks/PORT-INT-07.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_tcp_internal_live_check();

}  // namespace edgeplan::checks::ports_live
