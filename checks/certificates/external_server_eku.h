#pragma once
// CERT-EXT-09: docs/checks/CERT-EXT-09.md.
#include "checks/check.h"

namespace edgeplan::checks {

class ExternalServerEkuCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
