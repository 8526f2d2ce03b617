#pragma once
// DNS-SRV-CLI-01 (live): SRV _sip._tls.<domain> points on the Access Edge client port to the Access
// Edge FQDN, which resolves. Doc: docs/checks/DNS-SRV-CLI-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_client_srv_live_check();

}  // namespace edgeplan::checks::dns_live
