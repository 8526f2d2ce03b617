#pragma once
// TOPO-09: docs/checks/TOPO-09.md.
#include "checks/check.h"

namespace edgeplan::checks {

class EdgeSizingCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
