#pragma once
// CERT-INT-02: docs/checks/CERT-INT-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class InternalSubjectCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
