#pragma once
// NET-04: docs/checks/NET-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class ThreeExternalIpsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
