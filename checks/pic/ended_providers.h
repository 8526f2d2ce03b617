#pragma once
// PIC-08: docs/checks/PIC-08.md.
#include "checks/check.h"

namespace edgeplan::checks {

class EndedProvidersCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
