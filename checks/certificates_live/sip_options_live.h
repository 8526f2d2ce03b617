#pragma once
// PORT-EXT-15 (live): SIP OPTIONS over the TLS connection to the Access Edge client and federation
// ports gets a SIP status line; silence or a non-SIP answer fails, a server that insists on a
// client certificate none was given for is a skip with that evidence. Doc:
// docs/checks/PORT-EXT-15.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::certificates_live {

std::unique_ptr<Check> make_sip_options_live_check();

}  // namespace edgeplan::checks::certificates_live
