#pragma once
// LB-01: docs/checks/LB-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SameLbTypeCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
