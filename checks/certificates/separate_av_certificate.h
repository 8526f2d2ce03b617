#pragma once
// CERT-EXT-15: docs/checks/CERT-EXT-15.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SeparateAvCertificateCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
