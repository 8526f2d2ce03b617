#pragma once
// CERT-EXT-05: docs/checks/CERT-EXT-05.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SipDomainsInSanCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
