#pragma once
// The deployment plan derived from a Model: what DNS must hold, what the firewalls must pass and
// which certificates must exist. It is the planning half of the product (`edgeplan plan`) and
// the expectation every probe compares with.
#include <string>
#include <vector>

#include "topology/address_list.h"
#include "topology/edge_addressing.h"
#include "topology/features.h"
#include "topology/interned_text.h"
#include "topology/model.h"

namespace edgeplan::topology {

enum class DnsZoneKind { external, internal };
const char* to_string(DnsZoneKind kind);

enum class DnsRecordType { a, aaaa, srv, cname };
const char* to_string(DnsRecordType type);

// What a DNS record of the plan is for; code branches on the role, reports print its catalogue
// ID (catalogue_id, topology/plan_roles.cpp).
enum class DnsRole {
    access_edge,     // A/AAAA of the Access Edge FQDN and sip.<domain>
    webconf_edge,    // A/AAAA of the Web Conferencing Edge FQDN
    av_edge,         // A/AAAA of the A/V Edge FQDN
    nat_public,      // under NAT, the public address an external record must carry
    edge_internal,   // internal A/AAAA of each Edge member (and of a single-server pool)
    dns_lb_pool,     // internal A of a DNS load balanced pool FQDN, one per member
    hlb_vip,         // the VIP records of a hardware load balanced pool
    client_srv,      // _sip._tls.<domain>
    federation_srv,  // _sipfederationtls._tcp.<domain> for discoverable federation
    push_srv,        // _sipfederationtls._tcp.<domain> for push notifications only
    xmpp_srv,        // _xmpp-server._tcp.<domain>
    xmpp_proxy,      // A of xmpp.<domain>
};
const char* catalogue_id(DnsRole role);

// Field order keeps the small fields together (no padding between strings): the plan holds one
// record per published address, 130,000 at the input limits (docs/performance.md). The texts
// that records repeat (zone, name, purpose, rule, pool, unknown fact) are shared
// (topology/interned_text.h).
struct DnsRecord {
    DnsZoneKind zone_kind = DnsZoneKind::external;
    DnsRecordType type = DnsRecordType::a;
    InternedText zone;  // the zone the record belongs in (e.g. contoso.com, contoso.net)
    InternedText name;  // owner name, fully qualified, no trailing dot (one per 3 records)
    std::string value;  // address for A/AAAA, target host for SRV/CNAME
    int priority = 0;   // SRV
    int weight = 0;     // SRV
    int port = 0;       // SRV
    DnsRole role = DnsRole::access_edge;
    InternedText purpose;  // one line, for the administrator
    InternedText rule;     // label for reports: catalogue_id(role)
    InternedText pool_id;  // EdgePool::id, empty for organisation-wide records
    SourceLocation where;  // element the expectation came from
    // The fact this record rests on that no input states: in Plan::dns, a record that is
    // incomplete (another member's address is unknown); in Plan::withheld_dns, why the record
    // is not published (its value may be empty). The fact is also in Plan::unknowns. Exports
    // only; not rendered in reports.
    InternedText unknown;
};

enum class FirewallSide { external, internal };
const char* to_string(FirewallSide side);

enum class Direction { inbound, outbound };  // from the Edge's point of view
const char* to_string(Direction direction);

enum class Transport { tcp, udp };
const char* to_string(Transport transport);

// What one side of a rule stands for: concrete addresses; any address by design (the whole
// Internet for federation, any internal client for media); or addresses the rule needs that no
// input states. A rule with an unknown side is never exported as an allow rule
// (docs/exports.md).
enum class EndpointScope { addresses, any, unknown };
const char* to_string(EndpointScope scope);

// One side of a rule: a human label ("Any", "Access Edge external IP") and the concrete
// addresses it stands for (empty unless scope is `addresses`).
struct RuleEndpoint {
    std::string label;
    AddressList addresses;
    EndpointScope scope = EndpointScope::addresses;
    // Addresses known, or any by design: a firewall may apply the rule as it stands.
    bool known() const {
        return scope == EndpointScope::any ||
               (scope == EndpointScope::addresses && !addresses.empty());
    }
};

// What a firewall rule is for, one value per requirement of catalogue tables 2.2 and 2.3. Code
// (probes, exporters, responders) branches on the role; the catalogue ID is only its label
// (catalogue_id, topology/plan_roles.cpp), so renumbering a requirement changes no behaviour.
enum class FirewallRole {
    xmpp_partners_inbound,       // TCP 5269 in to the XMPP proxy
    xmpp_partners_outbound,      // TCP 5269 out to XMPP partners
    crl_outbound,                // TCP 80 out (certificate revocation)
    dns_outbound,                // TCP and UDP 53 out
    access_client,               // TCP 443 in, client SIP/TLS
    access_federation_inbound,   // TCP 5061 in, SIP/MTLS federation
    access_federation_outbound,  // TCP 5061 out
    webconf,                     // TCP 443 in, PSOM/TLS
    av_media_federation,         // TCP 50000-59999 out
    av_media_ocs2007,            // UDP out, TCP and UDP in, 50000-59999
    av_stun_outbound,            // UDP 3478 out
    av_turn_udp,                 // UDP 3478 in
    av_turn_tcp,                 // TCP 443 in
    av_turn_tcp_outbound,        // TCP 443 out
    internal_xmpp_gateway,       // TCP 23456 in, each member
    internal_sip_inbound,        // TCP 5061 in from the next hop
    internal_sip_outbound,       // TCP 5061 out to the next hop
    internal_psom,               // TCP 8057 in, each member
    internal_mras,               // TCP 5062 in
    internal_turn_udp,           // UDP 3478 in
    internal_turn_tcp,           // TCP 443 in (and out from the internal VIP)
    internal_replication,        // TCP 4443 in (CMS replication)
    internal_logging,            // TCP 50001-50003 in (Centralized Logging Service)
};
// The catalogue ID that labels the role in reports: PORT-EXT-05, PORT-INT-02, ...
const char* catalogue_id(FirewallRole role);

struct FirewallRule {
    std::string row;  // catalogue table row: X1..X16, I1..I11, V1.. (HLB VIP rows)
    FirewallSide side = FirewallSide::external;
    Direction direction = Direction::inbound;
    Transport transport = Transport::tcp;
    int port_from = 0;
    int port_to = 0;  // == port_from for a single port
    RuleEndpoint source;
    RuleEndpoint destination;
    // The addresses a probe from outside (external side) or from the internal network (internal
    // side) connects to for an inbound rule: public, NAT public or VIP addresses externally, the
    // Edge internal interface addresses internally. Empty for outbound rules.
    AddressList probe_addresses;
    std::string protocol;  // application protocol label: "SIP/TLS", "PSOM/TLS", "STUN/MSTURN"...
    std::string purpose;
    FirewallRole role = FirewallRole::access_client;
    std::string rule;  // label for reports: catalogue_id(role)
    std::string pool_id;
    SourceLocation where;
};
// "5061", "50000-59999": the rule's port or port range, as every report and export writes it.
std::string port_range_text(const FirewallRule& rule);
// "in" / "out": the direction as a narrow table column reads it.
const char* short_name(Direction direction);

enum class ExtendedKeyUsage { server_auth, client_auth };
const char* to_string(ExtendedKeyUsage eku);

// A requirement a certificate of the plan must meet. Checks branch on it; reports print its
// catalogue ID (catalogue_id, topology/plan_roles.cpp).
enum class CertificateRule {
    cross_names,                // every external FQDN has a DNS record and is on the certificate
    public_ca,                  // external: chains to a public CA
    external_subject,           // external: subject is the Access Edge FQDN
    access_fqdn_san,            // external: SAN has the Access Edge FQDN
    webconf_fqdn_san,           // external: SAN has the Web Conferencing FQDN
    sip_domains_san,            // external: SAN has sip.<domain> per SIP domain
    no_external_wildcard,       // external: no wildcard
    external_server_eku,        // external: Server Authentication EKU
    aol_client_eku,             // external: Client Authentication EKU for AOL
    exportable_external_key,    // external: exportable private key
    same_external_certificate,  // external: one certificate for every member
    external_usages,            // external: assigned to all three external usages
    separate_av_certificate,    // external: a separate A/V Authentication certificate, if any
    validity,                   // valid now and not expiring soon
    key_strength,               // RSA 2048+ or EC 256+
    signature_hash,             // no SHA-1 or MD5 signature
    legacy_tls,                 // no TLS 1.0 or 1.1
    internal_trusted_ca,        // internal: chains to a CA the servers trust
    internal_subject,           // internal: subject is the internal pool FQDN
    internal_wildcard,          // internal: no wildcard subject
    internal_server_eku,        // internal: Server Authentication EKU
    same_internal_certificate,  // internal: one certificate for every member
    xmpp_domains_san,           // external: SAN has each XMPP domain
    xmpp_san_forms,             // external: SAN has xmpp.<domain>, no XMPP wildcard
};
const char* catalogue_id(CertificateRule rule);

struct CertificateRequest {
    std::string pool_id;
    CertificateUse use = CertificateUse::external;
    std::string subject;  // CN
    // DNS names, subject first, no duplicates. Shared texts: each pool's certificate lists
    // sip.<domain> for every SIP domain (20 pools x 10,000 domains at the input limits).
    std::vector<InternedText> sans;
    std::vector<ExtendedKeyUsage> ekus;
    bool exportable_key = false;                // pools share the key (CERT-EXT-12, CERT-INT-05)
    bool public_ca = false;                     // external: must chain to a public CA (CERT-EXT-01)
    std::vector<std::string> assigned_to;       // usages, e.g. "Access Edge External"
    std::vector<CertificateRule> requirements;  // the requirements that shaped it
    std::vector<std::string> rules;             // their labels for reports (catalogue_id)
    SourceLocation where;
};

// A fact the plan needs but the inputs do not state (e.g. a NATed pool without its public
// addresses). The offline checks turn each into a finding; the plan never guesses.
struct Unknown {
    std::string what;     // "public address of the A/V Edge on edge01.contoso.net"
    std::string rule;     // catalogue ID that needs it
    std::string subject;  // canonical subject (pool:..., member:...)
    SourceLocation where;
};

struct Plan {
    std::vector<DnsRecord> dns;
    // Records the plan would publish but cannot, because a fact they rest on is unknown (the
    // federation SRV while partner discovery is not stated, an A record without any known
    // address). Checks and probes ignore them; the zone export writes them commented out.
    std::vector<DnsRecord> withheld_dns;
    std::vector<FirewallRule> firewall;
    std::vector<CertificateRequest> certificates;
    std::vector<Unknown> unknowns;
    Features features;  // what the topology uses; derive_plan sets it (topology/features.h)
    // Every Edge pool's addresses and next hop, in model order (the report's diagram).
    std::vector<EdgePoolAddressing> edge_pools;
};

// Derives the plan for every Edge pool and SIP/XMPP domain in the model. Never throws for a
// well-formed model: what it cannot derive becomes an Unknown.
Plan derive_plan(const Model& model);

}  // namespace edgeplan::topology
