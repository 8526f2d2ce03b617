#pragma once
// LB-12: docs/checks/LB-12.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PublicIpCountCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
