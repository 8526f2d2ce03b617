#pragma once
// DNS-INT-02 (live): the perimeter/internal DNS the Edge uses resolves its next hop pool FQDN
// to every server of that pool. Doc: docs/checks/DNS-INT-02.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_next_hop_resolves_live_check();

}  // namespace edgeplan::checks::dns_live
