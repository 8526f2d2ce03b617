#pragma once
// CERT-INT-03: docs/checks/CERT-INT-03.md.
#include "checks/check.h"

namespace edgeplan::checks {

class InternalWildcardCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
