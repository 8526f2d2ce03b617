#pragma once
// FED-07: docs/checks/FED-07.md.
#include "checks/check.h"

namespace edgeplan::checks {

class AllowedDomainEntriesCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
