#pragma once
// XMPP-04: docs/checks/XMPP-04.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SingleXmppRouteCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
