#pragma once
// The explicit, sorted list of every check (no static self-registration).
#include <memory>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks {

std::vector<std::unique_ptr<Check>> make_all_checks();

}  // namespace edgeplan::checks
