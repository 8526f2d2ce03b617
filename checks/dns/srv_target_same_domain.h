#pragma once
// DNS-SRV-GEN-01: docs/checks/DNS-SRV-GEN-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SrvTargetSameDomainCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
