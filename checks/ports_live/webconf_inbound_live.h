#pragma once
// PORT-EXT-08 (live): TCP 443 (PSOM/TLS) from the Internet reaches the Web Conferencing Edge. Doc:
// docs/checks/PORT-EXT-08.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_webconf_inbound_live_check();

}  // namespace edgeplan::checks::ports_live
