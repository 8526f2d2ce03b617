#include "checks/dns_live/edge_internal_a_live.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model&, const topology::DnsRecord& r) {
    return rule_is(r, {"DNS-INT-01"});
}

}  // namespace

std::unique_ptr<Check> make_edge_internal_a_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-INT-01",
        "Internal DNS resolves each Edge Server internal FQDN to its internal interface address",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DNSREQ"), cite("DS-S1"), cite("DS-S2"), cite("DS-S3"), cite("DS-S4"), cite("DS-S5")},
        "Publish an internal A record for every Edge Server internal FQDN with its internal "
        "interface address"};
    spec.match = AddressMatch::equal;
    spec.selects = selects;
    spec.not_applicable = "the plan has no Edge internal record";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
