#pragma once
// CERT-XMPP-03: docs/checks/CERT-XMPP-03.md.
#include "checks/check.h"

namespace edgeplan::checks {

class XmppSanFormsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
