#pragma once
// CERT-EXT-19: docs/checks/CERT-EXT-19.md.
#include "checks/check.h"

namespace edgeplan::checks {

class ClientEkuSunsetCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
