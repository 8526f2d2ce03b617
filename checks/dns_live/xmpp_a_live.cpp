#include "checks/dns_live/xmpp_a_live.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

bool selects(const topology::Model&, const topology::DnsRecord& r) {
    return rule_is(r, {"DNS-A-XMPP-02"}) && r.type == topology::DnsRecordType::a;
}

}  // namespace

std::unique_ptr<Check> make_xmpp_a_live_check() {
    AddressRecordSpec spec;
    spec.info = {
        "DNS-A-XMPP-02",
        "External DNS resolves xmpp.<domain> to the Access Edge of the XMPP route pool",
        "dns",
        CheckKind::dns,
        Severity::must,
        {"XMPP"},
        {cite("DS-XMPP"), cite("SETUP-XMPP")},
        "Publish an A record xmpp.<domain> with the Access Edge address of the XMPP route pool"};
    spec.match = AddressMatch::planned_subset;
    spec.selects = selects;
    spec.not_applicable = "the plan has no XMPP federation";
    return std::make_unique<AddressRecordCheck>(std::move(spec));
}

}  // namespace edgeplan::checks::dns_live
