#pragma once
// TOPO-13: docs/checks/TOPO-13.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PlanUnknownsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
