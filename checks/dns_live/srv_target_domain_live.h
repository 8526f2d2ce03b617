#pragma once
// DNS-SRV-GEN-01 (live variant): every SRV record the plan names, as published, targets a host
// in the SRV's own domain. Subjects dns:<name>/SRV (the offline variant uses domain:<d>).
// Doc: docs/checks/DNS-SRV-GEN-01.live.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_srv_target_domain_live_check();

}  // namespace edgeplan::checks::dns_live
