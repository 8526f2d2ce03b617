#pragma once
// Citations by catalogue source key (lync-rules.md section 0.2), so every check names the same
// page for the same key.
#include <string>

#include "checks/check.h"

namespace edgeplan::checks {

// The citation for a section 0.2 source key; throws std::invalid_argument for an unknown key.
Citation cite(const std::string& key);

}  // namespace edgeplan::checks
