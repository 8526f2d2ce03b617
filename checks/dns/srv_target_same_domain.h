#pragma once
// DNS-SRV-GEN-01: docs/checks/DNS-SRV-GEN-01.md.
#include "checks/check.h"

namespace edgeplan::checks {

// The live variant (checks/dns_live/srv_target_domain_live.cpp) judges the published SRVs
// under the same ID.
inline constexpr const char* kSrvTargetSameDomainId = "DNS-SRV-GEN-01";

class SrvTargetSameDomainCheck : public Check {
  public:
    const CheckInfo& info() const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;
};

}  // namespace edgeplan::checks
