#pragma once
// FED-09: docs/checks/FED-09.md.
#include "checks/check.h"

namespace edgeplan::checks {

class OcsPartnersDnsLbCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
