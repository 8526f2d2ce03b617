#pragma once
// CERT-EXT-08: docs/checks/CERT-EXT-08.md.
#include "checks/check.h"

namespace edgeplan::checks {

class NoExternalWildcardCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
