#pragma once
// PORT-INT-01 (live): TCP 23456 reaches each Edge member internal interface (XMPP gateway). Doc:
// docs/checks/PORT-INT-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_gateway_internal_live_check();

}  // namespace edgeplan::checks::ports_live
