#pragma once
// The live DNS record checks as data: one row per requirement that compares the plan's A/AAAA
// or SRV records with what the DNS servers answer. The engines (address_record_check.h,
// srv_record_check.h) are the only code; the bespoke DNS checks keep their own file pairs.
#include <memory>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

// One check per row, address rows then SRV rows.
std::vector<std::unique_ptr<Check>> make_dns_record_checks();

}  // namespace edgeplan::checks::dns_live
