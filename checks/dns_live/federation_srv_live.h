#pragma once
// DNS-SRV-FED-01 (live): SRV _sipfederationtls._tcp.<domain> points on port 5061 to the Access Edge
// FQDN, which resolves. Doc: docs/checks/DNS-SRV-FED-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_federation_srv_live_check();

}  // namespace edgeplan::checks::dns_live
