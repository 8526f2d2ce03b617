#pragma once
// PORT-SINGLEIP-01: docs/checks/PORT-SINGLEIP-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SharedIpDistinctPortsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
