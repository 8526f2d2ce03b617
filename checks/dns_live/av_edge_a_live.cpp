#include "checks/dns_live/av_edge_a_live.h"

#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model&, const topology::DnsRecord& r) {
    return rule_is(r, {"DNS-A-EXT-03"}) && r.type == topology::DnsRecordType::a;
}

}  // namespace

std::unique_ptr<Check> make_av_edge_a_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-A-EXT-03",
        "External DNS resolves the A/V Edge FQDN to its planned addresses",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"EXT"},
        {{"DS-S1",
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
          "lync-server-2013-dns-summary-scaled-consolidated-edge-with-hardware-load-balancers.md"},
         {"DNSLB", "lync-server-2013-dns-load-balancing.md"}},
        "Publish an external A record for the A/V Edge FQDN with the planned address"};
    spec.match = AddressMatch::planned_subset;
    spec.selects = selects;
    spec.not_applicable = "the plan has no external A/V Edge A record";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
