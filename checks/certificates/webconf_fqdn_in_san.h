#pragma once
// CERT-EXT-04: docs/checks/CERT-EXT-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class WebconfFqdnInSanCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
