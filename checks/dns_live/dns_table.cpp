#include "checks/dns_live/dns_table.h"

#include "checks/citations.h"
#include "checks/dns_live/address_record_check.h"
#include "checks/dns_live/srv_record_check.h"

namespace edgeplan::checks::dns_live {
namespace {

using topology::catalogue_id;
using topology::DnsRecord;
using topology::DnsRecordType;
using topology::DnsRole;
using topology::Model;

// The metadata every row carries. A row that compares one plan role takes that role's label as
// its ID (topology::catalogue_id), so the plan and the check cannot disagree.
struct Meta {
    std::string id;
    const char* title;
    std::vector<std::string> scenarios;
    std::vector<std::string> citations;  // lync-rules.md section 0.2 source keys
    const char* remediation;
    const char* not_applicable;  // the skip message when the plan has no such record
};

struct AddressRow {
    Meta meta;
    AddressMatch match;
    bool (*selects)(const Model&, const DnsRecord&);  // the plan records compared
};

struct SrvRow {
    Meta meta;
    DnsRole role;  // the plan SRV records compared
};

bool external_service(const DnsRecord& r) {
    return role_is(r, {DnsRole::access_edge, DnsRole::webconf_edge, DnsRole::av_edge});
}

const std::vector<AddressRow>& address_rows() {
    static const std::vector<AddressRow> rows = {
        {{catalogue_id(DnsRole::access_edge),
          "External DNS resolves the Access Edge FQDN and sip.<domain> to the planned Access "
          "Edge addresses",
          {"EXT", "FED", "PIC"},
          {"DS-S1", "DS-S2", "DS-S3", "DS-S4", "DS-S5", "DNSLB"},
          "Publish an external A record for the Access Edge FQDN (and sip.<domain>) with the "
          "planned address",
          "the plan has no external Access Edge A record"},
         AddressMatch::planned_subset,
         [](const Model&, const DnsRecord& r) {
             return r.role == DnsRole::access_edge && r.type == DnsRecordType::a;
         }},
        {{catalogue_id(DnsRole::webconf_edge),
          "External DNS resolves the Web Conferencing Edge FQDN to its planned addresses",
          {"EXT"},
          {"DS-S1", "DS-S2", "DS-S3", "DS-S4", "DS-S5", "DNSLB"},
          "Publish an external A record for the Web Conferencing Edge FQDN with the planned "
          "address",
          "the plan has no external Web Conferencing Edge A record"},
         AddressMatch::planned_subset,
         [](const Model&, const DnsRecord& r) {
             return r.role == DnsRole::webconf_edge && r.type == DnsRecordType::a;
         }},
        {{catalogue_id(DnsRole::av_edge),
          "External DNS resolves the A/V Edge FQDN to its planned addresses",
          {"EXT"},
          {"DS-S1", "DS-S2", "DS-S3", "DS-S4", "DS-S5", "DNSLB"},
          "Publish an external A record for the A/V Edge FQDN with the planned address",
          "the plan has no external A/V Edge A record"},
         AddressMatch::planned_subset,
         [](const Model&, const DnsRecord& r) {
             return r.role == DnsRole::av_edge && r.type == DnsRecordType::a;
         }},
        {{catalogue_id(DnsRole::nat_public),
          "Under NAT, external DNS answers with the public (NAT) addresses, never the private "
          "interface addresses",
          {"S2", "S4"},
          {"DS-S2", "DS-S4", "AVFW"},
          "Replace the private address in the external A record by the public NAT address",
          "no Edge pool uses NAT"},
         AddressMatch::public_only,
         [](const Model& m, const DnsRecord& r) {
             const topology::EdgePool* pool = pool_of(m, r);
             return pool && pool->nat && external_service(r);
         }},
        {{"DNS-A-EXT-05",
          "External DNS has AAAA records for the Edge services the plan gives IPv6 addresses",
          {"EXT"},
          {"DNSREQ"},
          "Publish AAAA records for the Edge external IPv6 addresses",
          "the plan has no external IPv6 address"},
         AddressMatch::planned_subset,
         [](const Model&, const DnsRecord& r) {
             return r.type == DnsRecordType::aaaa && r.zone_kind == topology::DnsZoneKind::external;
         }},
        {{catalogue_id(DnsRole::xmpp_proxy),
          "External DNS resolves xmpp.<domain> to the Access Edge of the XMPP route pool",
          {"XMPP"},
          {"DS-XMPP", "SETUP-XMPP"},
          "Publish an A record xmpp.<domain> with the Access Edge address of the XMPP route pool",
          "the plan has no XMPP federation"},
         AddressMatch::planned_subset,
         [](const Model&, const DnsRecord& r) {
             return r.role == DnsRole::xmpp_proxy && r.type == DnsRecordType::a;
         }},
        {{catalogue_id(DnsRole::edge_internal),
          "Internal DNS resolves each Edge Server internal FQDN to its internal interface "
          "address",
          {"S1", "S2", "S3", "S4", "S5"},
          {"DNSREQ", "DS-S1", "DS-S2", "DS-S3", "DS-S4", "DS-S5"},
          "Publish an internal A record for every Edge Server internal FQDN with its internal "
          "interface address",
          "the plan has no Edge internal record"},
         AddressMatch::equal,
         [](const Model&, const DnsRecord& r) { return r.role == DnsRole::edge_internal; }},
        {{"DNS-LB-01",
          "A DNS load balanced Edge pool publishes one external A record per member for each "
          "service FQDN",
          {"S3", "S4"},
          {"DNSLB", "TOPOCHOICE", "DS-S3", "DS-S4"},
          "Publish one A record per pool member for each external Edge FQDN, and nothing else",
          "no Edge pool uses DNS load balancing"},
         AddressMatch::equal,
         [](const Model& m, const DnsRecord& r) {
             const topology::EdgePool* pool = pool_of(m, r);
             return pool && pool->load_balancing == topology::LoadBalancing::dns &&
                    r.zone_kind == topology::DnsZoneKind::external && external_service(r);
         }},
        {{catalogue_id(DnsRole::dns_lb_pool),
          "Internal DNS resolves a DNS load balanced Edge pool FQDN to every member internal "
          "address",
          {"S3", "S4"},
          {"DNSLB", "DS-S3", "DS-S4"},
          "Publish one internal A record for the Edge pool FQDN per member internal address",
          "no Edge pool uses DNS load balancing"},
         AddressMatch::equal,
         [](const Model&, const DnsRecord& r) { return r.role == DnsRole::dns_lb_pool; }},
        {{catalogue_id(DnsRole::hlb_vip),
          "A hardware load balanced Edge pool publishes one A record per VIP (external services "
          "and internal pool FQDN)",
          {"S5"},
          {"TOPOCHOICE", "DS-S5"},
          "Point each Edge FQDN of the pool at its load balancer VIP only",
          "no Edge pool uses hardware load balancing"},
         AddressMatch::equal,
         [](const Model& m, const DnsRecord& r) {
             const topology::EdgePool* pool = pool_of(m, r);
             return r.role == DnsRole::hlb_vip ||
                    (pool && pool->load_balancing == topology::LoadBalancing::hardware &&
                     external_service(r));
         }},
    };
    return rows;
}

const std::vector<SrvRow>& srv_rows() {
    static const std::vector<SrvRow> rows = {
        {{catalogue_id(DnsRole::client_srv),
          "SRV _sip._tls.<domain> points on the Access Edge client port to the Access Edge FQDN, "
          "which resolves",
          {"AUTO"},
          {"DS-S1", "DS-S2", "DS-S3", "DS-S4", "DS-S5", "DNSREQ"},
          "Publish _sip._tls.<domain> SRV 0 0 <client port> sip.<domain> and the A record of its "
          "target",
          "no SIP domain uses DNS automatic configuration"},
         DnsRole::client_srv},
        {{catalogue_id(DnsRole::federation_srv),
          "SRV _sipfederationtls._tcp.<domain> points on port 5061 to the Access Edge FQDN, "
          "which resolves",
          {"FED-DISC"},
          {"DS-FED", "PLAN-FED", "SETUP-FED"},
          "Publish _sipfederationtls._tcp.<domain> SRV 0 0 5061 <Access Edge FQDN> and its A "
          "record",
          "partner discovery is off or unknown, so the plan has no federation SRV"},
         DnsRole::federation_srv},
        {{catalogue_id(DnsRole::push_srv),
          "SRV _sipfederationtls._tcp.<domain> exists for every SIP domain whose mobile clients "
          "use push",
          {"PUSH"},
          {"DS-FED", "PUSH"},
          "Publish _sipfederationtls._tcp.<domain> SRV 0 0 5061 <Access Edge FQDN> for each push "
          "domain",
          "no SIP domain needs the SRV only for push notifications"},
         DnsRole::push_srv},
        {{catalogue_id(DnsRole::xmpp_srv),
          "SRV _xmpp-server._tcp.<domain> points on port 5269 to xmpp.<domain>, which resolves "
          "to the Access Edge",
          {"XMPP"},
          {"DS-XMPP", "DS-FED", "SETUP-XMPP", "DR-XMPP"},
          "Publish _xmpp-server._tcp.<domain> SRV 0 0 5269 xmpp.<domain> and the A record of its "
          "target",
          "the plan has no XMPP federation"},
         DnsRole::xmpp_srv},
    };
    return rows;
}

CheckInfo info_of(const Meta& meta) {
    CheckInfo info{meta.id,        meta.title,     "dns", CheckKind::dns,
                   Severity::must, meta.scenarios, {},    meta.remediation};
    for (const std::string& key : meta.citations) info.citations.push_back(cite(key));
    return info;
}

}  // namespace

std::vector<std::unique_ptr<Check>> make_dns_record_checks() {
    std::vector<std::unique_ptr<Check>> checks;
    for (const AddressRow& row : address_rows()) {
        AddressRecordSpec spec;
        spec.info = info_of(row.meta);
        spec.match = row.match;
        spec.selects = row.selects;
        spec.not_applicable = row.meta.not_applicable;
        checks.push_back(std::make_unique<AddressRecordCheck>(std::move(spec)));
    }
    for (const SrvRow& row : srv_rows()) {
        SrvRecordSpec spec;
        spec.info = info_of(row.meta);
        spec.role = row.role;
        spec.not_applicable = row.meta.not_applicable;
        checks.push_back(std::make_unique<SrvRecordCheck>(std::move(spec)));
    }
    return checks;
}

}  // namespace edgeplan::checks::dns_live
