#pragma once
// DNS-A-EXT-01 (live): External DNS resolves the Access Edge FQDN and sip.<domain> to the planned
// Access Edge addresses. Doc: docs/checks/DNS-A-EXT-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_access_edge_a_live_check();

}  // namespace edgeplan::checks::dns_live
