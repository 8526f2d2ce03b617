#pragma once
// FED-05: docs/checks/FED-05.md.
#include "checks/check.h"

namespace edgeplan::checks {

class DiscoveredPartnerLimitsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
