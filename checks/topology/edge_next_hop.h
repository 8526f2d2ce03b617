#pragma once
// TOPO-01: docs/checks/TOPO-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class EdgeNextHopCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
