#pragma once
// --only and --skip as users type them: check IDs, areas or kinds, in any case, repeated or
// comma-separated. A value that names nothing is refused, because a gate that silently runs
// fewer checks than asked (or none) passes for the wrong reason.
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/runner.h"

namespace edgeplan::checks {

// Rewrites `selection` into the catalogue's spelling (one name per entry). Returns an error
// message for the first value that names no check, ID, area or kind, with the closest names
// ("did you mean FED-05?"); empty when every value names something.
std::string resolve_selection(Selection& selection, const std::vector<CheckInfo>& catalogue);

}  // namespace edgeplan::checks
