#pragma once
// FED-04: docs/checks/FED-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class DiscoveryNeedsSrvRoutingCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
