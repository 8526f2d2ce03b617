#pragma once
// PORT-EXT-11 from the Edge toward --responder (token echo; docs/checks/PORT-EXT-11.md).
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_stun_outbound_live_check();

}  // namespace edgeplan::checks::ports_live
