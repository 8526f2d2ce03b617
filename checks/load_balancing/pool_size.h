#pragma once
// LB-06: docs/checks/LB-06.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PoolSizeCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
