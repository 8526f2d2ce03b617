#include "checks/dns_live/ipv6_aaaa_live.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model&, const topology::DnsRecord& r) {
    return r.type == topology::DnsRecordType::aaaa &&
           r.zone_kind == topology::DnsZoneKind::external;
}

}  // namespace

std::unique_ptr<Check> make_ipv6_aaaa_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-A-EXT-05",
        "External DNS has AAAA records for the Edge services the plan gives IPv6 addresses",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"EXT"},
        {cite("DNSREQ")},
        "Publish AAAA records for the Edge external IPv6 addresses"};
    spec.match = AddressMatch::planned_subset;
    spec.selects = selects;
    spec.not_applicable = "the plan has no external IPv6 address";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
