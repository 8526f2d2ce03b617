#pragma once
// XMPP-09: docs/checks/XMPP-09.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SaslNeedsTlsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
