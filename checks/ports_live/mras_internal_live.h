#pragma once
// PORT-INT-05 (live): TCP 5062 (MRAS) reaches the Edge internal interface. Doc:
// docs/checks/PORT-INT-05.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_mras_internal_live_check();

}  // namespace edgeplan::checks::ports_live
