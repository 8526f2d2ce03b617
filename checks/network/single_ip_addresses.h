#pragma once
// NET-11: docs/checks/NET-11.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SingleIpAddressesCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
