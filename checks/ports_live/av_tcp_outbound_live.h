#pragma once
// PORT-EXT-14 (live): The A/V Edge can open TCP 443 toward the Internet. Doc:
// docs/checks/PORT-EXT-14.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_av_tcp_outbound_live_check();

}  // namespace edgeplan::checks::ports_live
