#pragma once
// TOPO-14: docs/checks/TOPO-14.md.
#include "checks/check.h"

namespace edgeplan::checks {

class ProductLifecycleCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
