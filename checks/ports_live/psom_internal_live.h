#pragma once
// PORT-INT-04 (live): TCP 8057 (PSOM/MTLS) reaches each Edge member internal interface. Doc:
// docs/checks/PORT-INT-04.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_psom_internal_live_check();

}  // namespace edgeplan::checks::ports_live
