#pragma once
// PIC-07: docs/checks/PIC-07.md.
#include "checks/check.h"

namespace edgeplan::checks {

class PicDnsLbFailoverCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
