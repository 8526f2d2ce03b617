#pragma once
// DNS-SRV-FED-05 (live; no catalogue row uses this ID): every allowed federation partner is
// reachable through DNS: _sipfederationtls._tcp.<partner> exists and its target resolves, or
// the configured partner Access Edge FQDN resolves. Doc: docs/checks/DNS-SRV-FED-05.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_partner_srv_health_check();

}  // namespace edgeplan::checks::dns_live
