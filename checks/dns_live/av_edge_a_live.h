#pragma once
// DNS-A-EXT-03 (live): External DNS resolves the A/V Edge FQDN to its planned addresses. Doc:
// docs/checks/DNS-A-EXT-03.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_av_edge_a_live_check();

}  // namespace edgeplan::checks::dns_live
