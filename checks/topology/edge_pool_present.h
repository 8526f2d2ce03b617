#pragma once
// TOPO-12: docs/checks/TOPO-12.md.
#include "checks/check.h"

namespace edgeplan::checks {

class EdgePoolPresentCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
