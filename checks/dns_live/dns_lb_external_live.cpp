#include "checks/dns_live/dns_lb_external_live.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model& m, const topology::DnsRecord& r) {
    const topology::EdgePool* pool = pool_of(m, r);
    return pool && pool->load_balancing == topology::LoadBalancing::dns &&
           r.zone_kind == topology::DnsZoneKind::external &&
           rule_is(r, {"DNS-A-EXT-01", "DNS-A-EXT-02", "DNS-A-EXT-03"});
}

}  // namespace

std::unique_ptr<Check> make_dns_lb_external_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-LB-01",
        "A DNS load balanced Edge pool publishes one external A record per member for each service "
        "FQDN",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"S3", "S4"},
        {cite("DNSLB"), cite("TOPOCHOICE"), cite("DS-S3"), cite("DS-S4")},
        "Publish one A record per pool member for each external Edge FQDN, and nothing else"};
    spec.match = AddressMatch::equal;
    spec.selects = selects;
    spec.not_applicable = "no Edge pool uses DNS load balancing";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
