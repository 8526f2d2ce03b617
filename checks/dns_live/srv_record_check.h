#pragma once
// The engine of the live SRV checks (DNS-SRV-CLI-01, DNS-SRV-FED-01/02, DNS-SRV-XMPP-01; one
// row each in dns_table.cpp): the SRV exists, the record the Access Edge would pick (RFC 2782
// order) has the planned port and target, and the target resolves to a planned address.
#include <functional>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

struct SrvRecordSpec {
    CheckInfo info;
    topology::DnsRole role = topology::DnsRole::client_srv;  // the plan SRV records compared
    std::string not_applicable;
};

class SrvRecordCheck final : public Check {
  public:
    explicit SrvRecordCheck(SrvRecordSpec spec) : spec_(std::move(spec)) {}
    const CheckInfo& info() const override { return spec_.info; }
    void request(const CheckContext& context, probes::ProbeRequests& requests) const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;

  private:
    std::vector<const topology::DnsRecord*> records(const topology::Plan& plan) const;
    SrvRecordSpec spec_;
};

}  // namespace edgeplan::checks::dns_live
