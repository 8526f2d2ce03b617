#pragma once
// TOPO-03: docs/checks/TOPO-03.md.
#include "checks/check.h"

namespace edgeplan::checks {

class EdgeFqdnIdentityCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
