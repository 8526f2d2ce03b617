#include "checks/network/published_addresses_public.h"

#include <algorithm>

#include "checks/citations.h"
#include "checks/offline_support.h"
#include "topology/ip_address.h"
#include "topology/subjects.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PublishedAddressesPublicCheck::info() const {
    static const CheckInfo kInfo{
        "NET-10",
        "Every address the external DNS publishes for the Edge is publicly routable: the public "
        "interface address, the NAT public address or the hardware load balancer VIP",
        "network",
        CheckKind::offline,
        Severity::must,
        {"S1", "S2", "S3", "S4", "S5"},
        {cite("DS-S1"), cite("DS-S2"), cite("DS-S4"), cite("TOPOCHOICE")},
        "Publish the public address: the NAT public address under NAT (ConfiguredIPAddress, or "
        "<Address public=...> in --settings), the VIP with a hardware load balancer"};
    return kInfo;
}

// DS-S2/DS-S4 keep the public 131.107.155.x addresses in external DNS while the Edge NIC holds
// 10.45.16.x; DNS-A-EXT-04 is the live form of this rule. No catalogue row states the offline
// form, hence an unused ID of the same grammar (docs/checks/NET-10.md).
std::vector<Finding> PublishedAddressesPublicCheck::evaluate(const CheckContext& context) const {
    // One finding per published address: 80,000 at 20,000 members, where growing the vector by
    // doubling held up to twice their size at the run's peak (docs/performance.md).
    std::vector<Finding> findings;
    findings.reserve(static_cast<std::size_t>(
        std::count_if(context.plan.dns.begin(), context.plan.dns.end(), [](const DnsRecord& r) {
            return r.zone_kind == DnsZoneKind::external &&
                   (r.type == DnsRecordType::a || r.type == DnsRecordType::aaaa);
        })));
    for (const DnsRecord& record : context.plan.dns) {
        if (record.zone_kind != DnsZoneKind::external) continue;
        if (record.type != DnsRecordType::a && record.type != DnsRecordType::aaaa) continue;
        const auto address = parse_ip(record.value);
        if (!address) continue;
        const std::string subject =
            subjects::plan_address_subject(record.name, to_string(record.type), address->text);
        const AddressScope scope = scope_of(*address);
        const Evidence evidence{{"fqdn", record.name},
                                {"ip", address->text},
                                {"observed", to_string(scope)},
                                {"expected", "public"},
                                {"rule", record.rule}};
        switch (scope) {
            case AddressScope::public_address:
                findings.push_back(
                    make_finding(info(), Status::pass, subject,
                                 record.name + " publishes public address " + address->text,
                                 record.where, evidence));
                break;
            case AddressScope::loopback:
                // A lab on 127.x runs without special flags; the finding says it is a stand-in.
                findings.push_back(
                    make_finding(info(), Status::pass, subject,
                                 record.name + " publishes loopback address " + address->text +
                                     ": accepted as a lab's stand-in for a public address",
                                 record.where, evidence));
                break;
            case AddressScope::private_address:
            case AddressScope::unspecified:
                findings.push_back(make_finding(
                    info(), Status::fail, subject,
                    record.name + " would publish " + std::string(to_string(scope)) + " address " +
                        address->text + ", which Internet clients cannot reach",
                    record.where, evidence));
                break;
        }
    }
    return or_not_applicable(info(), std::move(findings),
                             "the plan publishes no external address record");
}

}  // namespace edgeplan::checks
