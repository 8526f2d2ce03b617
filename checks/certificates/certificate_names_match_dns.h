#pragma once
// CERT-EXT-18: docs/checks/CERT-EXT-18.md.
#include "checks/check.h"

namespace edgeplan::checks {

class CertificateNamesMatchDnsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
