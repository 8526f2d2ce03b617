#pragma once
// PIC-04: docs/checks/PIC-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class WindowsLiveAvCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
