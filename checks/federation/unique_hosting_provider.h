#pragma once
// FED-08: docs/checks/FED-08.md.
#include "checks/check.h"

namespace edgeplan::checks {

class UniqueHostingProviderCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
