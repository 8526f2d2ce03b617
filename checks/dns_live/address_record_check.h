#pragma once
// The engine of the live A/AAAA checks (DNS-A-EXT-*, DNS-LB-*, DNS-INT-01, DNS-A-XMPP-02; one
// row each in dns_table.cpp): take the plan's expected address set per name, ask the view's
// DNS servers, compare.
#include <functional>
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

enum class AddressMatch {
    planned_subset,  // resolves, and every answer is a planned address (completeness: DNS-LB-*)
    equal,           // the answer set equals the planned set (one per member / the VIP)
    public_only,     // under NAT: no answer is a private or Edge interface address (DNS-A-EXT-04)
};

struct AddressRecordSpec {
    CheckInfo info;
    AddressMatch match = AddressMatch::planned_subset;
    // Which plan A/AAAA records this check compares with.
    std::function<bool(const topology::Model&, const topology::DnsRecord&)> selects;
    std::string not_applicable;  // message of the skip when the plan has no such record
};

class AddressRecordCheck final : public Check {
  public:
    explicit AddressRecordCheck(AddressRecordSpec spec) : spec_(std::move(spec)) {}
    const CheckInfo& info() const override { return spec_.info; }
    void request(const CheckContext& context, probes::ProbeRequests& requests) const override;
    std::vector<Finding> evaluate(const CheckContext& context) const override;

  private:
    AddressRecordSpec spec_;
};

// The role of a record is one of these (helper for the selectors).
bool role_is(const topology::DnsRecord& record, std::initializer_list<topology::DnsRole> roles);
// The Edge pool a record belongs to, or nullptr.
const topology::EdgePool* pool_of(const topology::Model& model, const topology::DnsRecord& record);

}  // namespace edgeplan::checks::dns_live
