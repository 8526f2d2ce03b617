#pragma once
// PORT-EXT-03 (live): The Access Edge can open TCP 80 toward the Internet (CRL checks). Doc:
// docs/checks/PORT-EXT-03.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_crl_outbound_live_check();

}  // namespace edgeplan::checks::ports_live
