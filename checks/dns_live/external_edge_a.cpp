#include "checks/dns_live/external_edge_a.h"

#include "checks/citations.h"

namespace edgeplan::checks::dns_live {

AddressRecordSpec external_edge_a_spec(const std::string& id, const std::string& role,
                                       std::vector<std::string> scenarios) {
    AddressRecordSpec spec;
    spec.info = {
        id,
        "External DNS resolves the " + role + " FQDN to its planned addresses",
        "dns",
        CheckKind::dns,
        Severity::must,
        std::move(scenarios),
        {cite("DS-S1"), cite("DS-S2"), cite("DS-S3"), cite("DS-S4"), cite("DS-S5"), cite("DNSLB")},
        "Publish an external A record for the " + role + " FQDN with the planned address"};
    spec.match = AddressMatch::planned_subset;
    spec.selects = [id](const topology::Model&, const topology::DnsRecord& r) {
        return rule_is(r, {id.c_str()}) && r.type == topology::DnsRecordType::a;
    };
    spec.not_applicable = "the plan has no external " + role + " A record";
    return spec;
}

}  // namespace edgeplan::checks::dns_live
