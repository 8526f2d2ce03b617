#pragma once
// The deployment plan derived from a Model: what DNS must hold, what the firewalls must pass and
// which certificates must exist. It is the planning half of the product (`edgeplan plan`) and
// the expectation every probe compares with.
#include <string>
#include <vector>

#include "topology/edge_addressing.h"
#include "topology/model.h"

namespace edgeplan::topology {

enum class DnsZoneKind { external, internal };
const char* to_string(DnsZoneKind kind);

enum class DnsRecordType { a, aaaa, srv, cname };
const char* to_string(DnsRecordType type);

struct DnsRecord {
    DnsZoneKind zone_kind = DnsZoneKind::external;
    std::string zone;  // the zone the record belongs in (e.g. contoso.com, contoso.net)
    std::string name;  // owner name, fully qualified, no trailing dot
    DnsRecordType type = DnsRecordType::a;
    std::string value;     // address for A/AAAA, target host for SRV/CNAME
    int priority = 0;      // SRV
    int weight = 0;        // SRV
    int port = 0;          // SRV
    std::string purpose;   // one line, for the administrator
    std::string rule;      // catalogue ID the record comes from (DNS-A-EXT-01, ...)
    std::string pool_id;   // EdgePool::id, empty for organisation-wide records
    SourceLocation where;  // element the expectation came from
    // The fact this record rests on that no input states: in Plan::dns, a record that is
    // incomplete (another member's address is unknown); in Plan::withheld_dns, why the record
    // is not published (its value may be empty). The fact is also in Plan::unknowns. Exports
    // only; not rendered in reports.
    std::string unknown;
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
    std::vector<std::string> addresses;
    EndpointScope scope = EndpointScope::addresses;
    // Addresses known, or any by design: a firewall may apply the rule as it stands.
    bool known() const {
        return scope == EndpointScope::any ||
               (scope == EndpointScope::addresses && !addresses.empty());
    }
};

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
    std::vector<std::string> probe_addresses;
    std::string protocol;  // application protocol label: "SIP/TLS", "PSOM/TLS", "STUN/MSTURN"...
    std::string purpose;
    std::string rule;  // catalogue ID: PORT-EXT-05, PORT-INT-02, ...
    std::string pool_id;
    SourceLocation where;
};

enum class ExtendedKeyUsage { server_auth, client_auth };
const char* to_string(ExtendedKeyUsage eku);

struct CertificateRequest {
    std::string pool_id;
    CertificateUse use = CertificateUse::external;
    std::string subject;            // CN
    std::vector<std::string> sans;  // DNS names, subject first, no duplicates
    std::vector<ExtendedKeyUsage> ekus;
    bool exportable_key = false;           // pools share the key (CERT-EXT-12, CERT-INT-05)
    bool public_ca = false;                // external: must chain to a public CA (CERT-EXT-01)
    std::vector<std::string> assigned_to;  // usages, e.g. "Access Edge External"
    std::vector<std::string> rules;        // catalogue IDs that shaped it
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
    // Every Edge pool's addresses and next hop, in model order (the report's diagram).
    std::vector<EdgePoolAddressing> edge_pools;
};

// Derives the plan for every Edge pool and SIP/XMPP domain in the model. Never throws for a
// well-formed model: what it cannot derive becomes an Unknown.
Plan derive_plan(const Model& model);

}  // namespace edgeplan::topology
