#include "checks/dns_live/hlb_vip_records_live.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model& m, const topology::DnsRecord& r) {
    const topology::EdgePool* pool = pool_of(m, r);
    return rule_is(r, {"DNS-LB-03"}) ||
           (pool && pool->load_balancing == topology::LoadBalancing::hardware &&
            rule_is(r, {"DNS-A-EXT-01", "DNS-A-EXT-02", "DNS-A-EXT-03"}));
}

}  // namespace

std::unique_ptr<Check> make_hlb_vip_records_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-LB-03",
        "A hardware load balanced Edge pool publishes one A record per VIP (external services and "
        "internal pool FQDN)",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"S5"},
        {cite("TOPOCHOICE"), cite("DS-S5")},
        "Point each Edge FQDN of the pool at its load balancer VIP only"};
    spec.match = AddressMatch::equal;
    spec.selects = selects;
    spec.not_applicable = "no Edge pool uses hardware load balancing";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
