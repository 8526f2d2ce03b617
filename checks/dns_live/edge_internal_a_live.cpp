#include "checks/dns_live/edge_internal_a_live.h"

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
        {{"DNSREQ", "lync-server-2013-determine-dns-requirements.md"},
         {"DS-S1",
          "lync-server-2013-dns-summary-single-consolidated-edge-with-public-ip-addresses.md"},
         {"DS-S2",
          "lync-server-2013-dns-summary-single-consolidated-edge-with-private-ip-addresses-using-"
          "nat.md"},
         {"DS-S3",
          "lync-server-2013-dns-summary-scaled-consolidated-edge-dns-load-balancing-with-public-ip-"
          "addresses.md"},
         {"DS-S4",
          "lync-server-2013-dns-summary-scaled-consolidated-edge-dns-load-balancing-with-private-"
          "ip-addresses-using-nat.md"},
         {"DS-S5",
          "lync-server-2013-dns-summary-scaled-consolidated-edge-with-hardware-load-balancers.md"}},
        "Publish an internal A record for every Edge Server internal FQDN with its internal "
        "interface address"};
    spec.match = AddressMatch::equal;
    spec.selects = selects;
    spec.not_applicable = "the plan has no Edge internal record";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
