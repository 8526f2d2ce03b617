#include "checks/dns_live/dns_lb_internal_live.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model&, const topology::DnsRecord& r) {
    return rule_is(r, {"DNS-LB-02"});
}

}  // namespace

std::unique_ptr<Check> make_dns_lb_internal_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-LB-02",
        "Internal DNS resolves a DNS load balanced Edge pool FQDN to every member internal address",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"S3", "S4"},
        {cite("DNSLB"), cite("DS-S3"), cite("DS-S4")},
        "Publish one internal A record for the Edge pool FQDN per member internal address"};
    spec.match = AddressMatch::equal;
    spec.selects = selects;
    spec.not_applicable = "no Edge pool uses DNS load balancing";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
