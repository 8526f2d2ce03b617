#pragma once
// WAIVER-01: docs/checks/WAIVER-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class WaiverExpiryCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
