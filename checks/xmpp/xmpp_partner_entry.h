#pragma once
// XMPP-07: docs/checks/XMPP-07.md.
#include "checks/check.h"

namespace edgeplan::checks {

class XmppPartnerEntryCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
