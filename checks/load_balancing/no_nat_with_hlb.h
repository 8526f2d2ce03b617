#pragma once
// LB-02: docs/checks/LB-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class NoNatWithHlbCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
