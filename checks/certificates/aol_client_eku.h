#pragma once
// CERT-EXT-10: docs/checks/CERT-EXT-10.md.
#include "checks/check.h"

namespace edgeplan::checks {

class AolClientEkuCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
