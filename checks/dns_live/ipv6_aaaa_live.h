#pragma once
// DNS-A-EXT-05 (live): External DNS has AAAA records for the Edge services the plan gives IPv6
// addresses. Doc: docs/checks/DNS-A-EXT-05.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_ipv6_aaaa_live_check();

}  // namespace edgeplan::checks::dns_live
