#pragma once
// PORT-EXT-06 (live): TCP 5061 (SIP/MTLS) from the Internet reaches the Access Edge. Doc:
// docs/checks/PORT-EXT-06.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_federation_sip_inbound_live_check();

}  // namespace edgeplan::checks::ports_live
