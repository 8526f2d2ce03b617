#pragma once
#include "checks/check.h"

namespace edgeplan::checks {

// NET-10: every address the plan publishes in external DNS is publicly routable (loopback is
// accepted as a lab's stand-in and said so).
class PublishedAddressesPublicCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
