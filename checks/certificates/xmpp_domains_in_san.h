#pragma once
// CERT-XMPP-01: docs/checks/CERT-XMPP-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class XmppDomainsInSanCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
