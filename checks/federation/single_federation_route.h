#pragma once
// FED-01: docs/checks/FED-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SingleFederationRouteCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
