#pragma once
// PIC-09: docs/checks/PIC-09.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SkypeConsumerRetiredCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
