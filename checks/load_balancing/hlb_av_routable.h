#pragma once
// LB-10: docs/checks/LB-10.md.
#include "checks/check.h"

namespace edgeplan::checks {

class HlbAvRoutableCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
