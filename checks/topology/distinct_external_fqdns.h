#pragma once
// TOPO-04: docs/checks/TOPO-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class DistinctExternalFqdnsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
