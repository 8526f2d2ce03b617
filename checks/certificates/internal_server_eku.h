#pragma once
// CERT-INT-04: docs/checks/CERT-INT-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class InternalServerEkuCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
