#pragma once
// NET-07: docs/checks/NET-07.md.
#include "checks/check.h"

namespace edgeplan::checks {

class Ipv6DualStackCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
