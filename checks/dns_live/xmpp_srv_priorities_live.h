#pragma once
// DNS-SRV-XMPP-03 (live): with XMPP on Edge pools in several sites, _xmpp-server._tcp.<domain>
// has one SRV per pool, each with its own priority. Doc: docs/checks/DNS-SRV-XMPP-03.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_xmpp_srv_priorities_live_check();

}  // namespace edgeplan::checks::dns_live
