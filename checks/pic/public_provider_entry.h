#pragma once
// PIC-01: docs/checks/PIC-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PublicProviderEntryCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
