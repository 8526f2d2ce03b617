#pragma once
// CERT-EXT-12: docs/checks/CERT-EXT-12.md.
#include "checks/check.h"

namespace edgeplan::checks {

class ExportableExternalKeyCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
