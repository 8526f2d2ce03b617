#pragma once
// PORT-EXT-07 (live): The Access Edge can open TCP 5061 toward the Internet (federation, PIC,
// push). Doc: docs/checks/PORT-EXT-07.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_federation_sip_outbound_live_check();

}  // namespace edgeplan::checks::ports_live
