#pragma once
// LB-09: docs/checks/LB-09.md.
#include "checks/check.h"

namespace edgeplan::checks {

class AvRealAddressCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
