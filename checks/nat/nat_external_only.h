#pragma once
// NAT-01: docs/checks/NAT-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class NatExternalOnlyCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
