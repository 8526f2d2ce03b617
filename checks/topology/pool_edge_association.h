#pragma once
// TOPO-02: docs/checks/TOPO-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PoolEdgeAssociationCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
