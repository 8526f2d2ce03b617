#pragma once
// DNS-SRV-FED-02 (live): SRV _sipfederationtls._tcp.<domain> exists for every SIP domain whose
// mobile clients use push. Doc: docs/checks/DNS-SRV-FED-02.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_push_srv_live_check();

}  // namespace edgeplan::checks::dns_live
