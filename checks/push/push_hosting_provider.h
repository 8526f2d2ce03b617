#pragma once
// PUSH-02: docs/checks/PUSH-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PushHostingProviderCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
