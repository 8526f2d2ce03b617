#pragma once
// DNS-NAME-01: docs/checks/DNS-NAME-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class FqdnCharactersCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
