#pragma once
// XMPP-11: docs/checks/XMPP-11.md.
#include "checks/check.h"

namespace edgeplan::checks {

class GoogleTalkSettingsCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
