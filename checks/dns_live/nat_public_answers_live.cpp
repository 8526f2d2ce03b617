#include "checks/dns_live/nat_public_answers_live.h"

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
        {{"DS-S2",
          "lync-server-2013-dns-summary-single-consolidated-edge-with-private-ip-addresses-using-"
          "nat.md"},
         {"DS-S4",
          "lync-server-2013-dns-summary-scaled-consolidated-edge-dns-load-balancing-with-private-"
          "ip-addresses-using-nat.md"},
         {"AVFW", "lync-server-2013-determine-external-a-v-firewall-and-port-requirements.md"}},
        "Replace the private address in the external A record by the public NAT address"};
    spec.match = AddressMatch::public_only;
    spec.selects = selects;
    spec.not_applicable = "no Edge pool uses NAT";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
