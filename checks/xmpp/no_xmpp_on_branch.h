#pragma once
// XMPP-02: docs/checks/XMPP-02.md.
#include "checks/check.h"

namespace edgeplan::checks {

class NoXmppOnBranchCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
