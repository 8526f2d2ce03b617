#pragma once
// XMPP-10: docs/checks/XMPP-10.md.
#include "checks/check.h"

namespace edgeplan::checks {

class DialbackWithTlsSaslCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
