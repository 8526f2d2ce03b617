#pragma once
// CERT-EXT-14: docs/checks/CERT-EXT-14.md.
#include "checks/check.h"

namespace edgeplan::checks {

class ExternalUsagesCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
