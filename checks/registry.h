#pragma once
// The explicit, sorted list of every check (no static self-registration).
#include <memory>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks {

std::vector<std::unique_ptr<Check>> make_all_checks();

// The catalogue `edgeplan checks` lists and docs/checks documents: the metadata of every check
// above, and the rules of `edgeplan partners` (FED-PARTNER-01..11, checks/partners/
// partner_rules.h). Those judge a partner list, not a topology, so the plan/check runner does not
// evaluate them and they are not in make_all_checks(). Sorted by ID, stable.
std::vector<CheckInfo> catalogue_infos();

}  // namespace edgeplan::checks
