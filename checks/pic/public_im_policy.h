#pragma once
// PIC-02: docs/checks/PIC-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PublicImPolicyCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
