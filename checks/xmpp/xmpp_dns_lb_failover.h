#pragma once
// XMPP-13: docs/checks/XMPP-13.md.
#include "checks/check.h"

namespace edgeplan::checks {

class XmppDnsLbFailoverCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
