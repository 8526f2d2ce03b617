#pragma once
// CERT-EXT-02: docs/checks/CERT-EXT-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class ExternalSubjectCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
