#pragma once
// PUSH-04: docs/checks/PUSH-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PushOutboundSipCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
