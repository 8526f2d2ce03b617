#pragma once
// XMPP-01: docs/checks/XMPP-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

class SupportedXmppPartnerCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
