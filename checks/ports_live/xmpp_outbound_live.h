#pragma once
// PORT-EXT-02 (live): The Access Edge can open TCP 5269 toward the Internet (XMPP partners). Doc:
// docs/checks/PORT-EXT-02.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_xmpp_outbound_live_check();

}  // namespace edgeplan::checks::ports_live
