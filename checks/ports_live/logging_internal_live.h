#pragma once
// PORT-INT-09 (live): TCP 50001-50003 (Centralized Logging Service) reach the Edge internal
// interface. Doc: docs/checks/PORT-INT-09.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::ports_live {

std::unique_ptr<Check> make_logging_internal_live_check();

}  // namespace edgeplan::checks::ports_live
