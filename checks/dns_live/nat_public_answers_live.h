#pragma once
// DNS-A-EXT-04 (live): Under NAT, external DNS answers with the public (NAT) addresses, never the
// private interface addresses. Doc: docs/checks/DNS-A-EXT-04.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_nat_public_answers_live_check();

}  // namespace edgeplan::checks::dns_live
