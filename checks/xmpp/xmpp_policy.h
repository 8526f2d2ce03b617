#pragma once
// XMPP-06: docs/checks/XMPP-06.md.
#include "checks/check.h"

namespace edgeplan::checks {

class XmppPolicyCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
