#pragma once
// DNS-SRV-XMPP-01 (live): SRV _xmpp-server._tcp.<domain> points on port 5269 to xmpp.<domain>,
// which resolves to the Access Edge. Doc: docs/checks/DNS-SRV-XMPP-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_xmpp_srv_live_check();

}  // namespace edgeplan::checks::dns_live
