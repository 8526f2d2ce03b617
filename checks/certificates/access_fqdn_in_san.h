#pragma once
// CERT-EXT-03: docs/checks/CERT-EXT-03.md.
#include "checks/check.h"

namespace edgeplan::checks {

class AccessFqdnInSanCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
