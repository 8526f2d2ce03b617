#pragma once
// PORT-EXT-04 (live): The Access Edge can open TCP 53 toward the Internet (DNS). Doc:
// docs/checks/PORT-EXT-04.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_dns_outbound_live_check();

}  // namespace edgeplan::checks::ports_live
