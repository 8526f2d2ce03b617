#pragma once
// WAIVER-01: docs/checks/WAIVER-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

// The gate reads this ID too: an expired waiver's own finding is never waived.
inline constexpr const char* kWaiverExpiryId = "WAIVER-01";

class WaiverExpiryCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
