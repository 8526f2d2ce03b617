#pragma once
// NAT-05: docs/checks/NAT-05.md.
#include "checks/check.h"

namespace edgeplan::checks {

class NatPublicAvIpCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
