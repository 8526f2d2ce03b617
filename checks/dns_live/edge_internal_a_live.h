#pragma once
// DNS-INT-01 (live): Internal DNS resolves each Edge Server internal FQDN to its internal interface
// address. Doc: docs/checks/DNS-INT-01.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_edge_internal_a_live_check();

}  // namespace edgeplan::checks::dns_live
