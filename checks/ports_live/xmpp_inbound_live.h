#pragma once
// PORT-EXT-01 (live): TCP 5269 from the Internet reaches the XMPP proxy on the Access Edge. Doc:
// docs/checks/PORT-EXT-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_inbound_live_check();

}  // namespace edgeplan::checks::ports_live
