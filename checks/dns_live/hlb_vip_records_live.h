#pragma once
// DNS-LB-03 (live): A hardware load balanced Edge pool publishes one A record per VIP (external
// services and internal pool FQDN). Doc: docs/checks/DNS-LB-03.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_hlb_vip_records_live_check();

}  // namespace edgeplan::checks::dns_live
