#pragma once
// PORT-AV-02: docs/checks/PORT-AV-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class MediaPortRangeCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
