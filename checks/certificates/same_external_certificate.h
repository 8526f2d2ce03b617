#pragma once
// CERT-EXT-13: docs/checks/CERT-EXT-13.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SameExternalCertificateCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
