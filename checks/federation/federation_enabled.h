#pragma once
// FED-02: docs/checks/FED-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class FederationEnabledCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
