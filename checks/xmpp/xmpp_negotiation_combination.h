#pragma once
// XMPP-08: docs/checks/XMPP-08.md.
#include "checks/check.h"

namespace edgeplan::checks {

class XmppNegotiationCombinationCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
