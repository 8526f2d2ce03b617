#pragma once
// FED-03: docs/checks/FED-03.md.
#include "checks/check.h"

namespace edgeplan::checks {

class FederationPolicyCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
