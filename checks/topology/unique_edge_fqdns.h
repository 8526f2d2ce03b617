#pragma once
// TOPO-05: docs/checks/TOPO-05.md.
#include "checks/check.h"

namespace edgeplan::checks {

class UniqueEdgeFqdnsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
