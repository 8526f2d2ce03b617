#include "checks/dns_live/nat_public_answers_live.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model& m, const topology::DnsRecord& r) {
    const topology::EdgePool* pool = pool_of(m, r);
    return pool && pool->nat && rule_is(r, {"DNS-A-EXT-01", "DNS-A-EXT-02", "DNS-A-EXT-03"});
}

}  // namespace

std::unique_ptr<Check> make_nat_public_answers_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-A-EXT-04",
        "Under NAT, external DNS answers with the public (NAT) addresses, never the private "
        "interface addresses",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"S2", "S4"},
        {cite("DS-S2"), cite("DS-S4"), cite("AVFW")},
        "Replace the private address in the external A record by the public NAT address"};
    spec.match = AddressMatch::public_only;
    spec.selects = selects;
    spec.not_applicable = "no Edge pool uses NAT";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
