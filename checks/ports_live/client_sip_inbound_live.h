#pragma once
// PORT-EXT-05 (live): TCP 443 (client SIP/TLS) from the Internet reaches the Access Edge. Doc:
// docs/checks/PORT-EXT-05.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_client_sip_inbound_live_check();

}  // namespace edgeplan::checks::ports_live
