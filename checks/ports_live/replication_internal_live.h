#pragma once
// PORT-INT-08 (live): TCP 4443 (CMS replication) reaches the Edge internal interface. Doc:
// docs/checks/PORT-INT-08.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_replication_internal_live_check();

}  // namespace edgeplan::checks::ports_live
