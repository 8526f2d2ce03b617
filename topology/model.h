#pragma once
// The immutable in-memory model of an Edge deployment, shared by all three input formats
// (edgeplan's own XML, Lync published XML, Topology Builder .tbxml) plus a --settings file.
//
// A fact the input did not state stays empty (std::optional / empty vector): the plan and the
// checks report it as unknown, they never invent it (issue 2, section 2b). Every element keeps
// the source position it came from so findings and SARIF results can point at it.
#include <optional>
#include <string>
#include <vector>

#include "topology/source_location.h"

namespace edgeplan::topology {

enum class TopologyFormat { edgeplan, lync_published, lync_builder };
const char* to_string(TopologyFormat format);

// --- Organisation -------------------------------------------------------------------------

struct SipDomain {
    std::string name;  // lower case
    bool is_default = false;
    // Clients in this domain use the push clearing house (Windows Phone, Lync 2010 Mobile on
    // iOS): DNS-SRV-FED-02 / PUSH-01. Unknown in Lync exports.
    std::optional<bool> mobile_push;
    // External clients find the Edge through _sip._tls SRV (false: configured by GPO).
    bool dns_autoconfiguration = true;
    SourceLocation where;
};

struct XmppDomain {
    std::string name;
    SourceLocation where;
};

struct Site {
    std::string id;  // stable key: "1" (Lync SiteId) or the id attribute of edgeplan format
    std::string name;
    std::string federation_route;       // EdgePool::id carrying SIP federation; empty = not set
    std::string xmpp_federation_route;  // EdgePool::id carrying XMPP; empty = not set
    SourceLocation where;
};

// --- Internal pools -------------------------------------------------------------------------

enum class InternalPoolKind { front_end, standard_edition, director };
const char* to_string(InternalPoolKind kind);

struct Server {
    std::string fqdn;
    std::vector<std::string> ips;  // canonical text; empty when the export does not pin them
    SourceLocation where;
};

struct InternalPool {
    std::string id;
    std::string site_id;
    std::string fqdn;
    InternalPoolKind kind = InternalPoolKind::front_end;
    std::vector<Server> servers;
    std::string edge_pool;   // EdgePool::id associated for A/V and external access
    bool hosts_cms = false;  // Central Management store (PORT-INT-08 source)
    bool hosts_xmpp_gateway = false;
    SourceLocation where;
};

// Survivable Branch Appliance / Server whose users go out through an Edge pool (PORT-INT-05,
// XMPP-02).
struct BranchAppliance {
    std::string fqdn;
    std::string site_id;
    std::string edge_pool;
    bool users_homed = true;              // users are homed on it
    bool users_have_xmpp_policy = false;  // an XMPP-enabled policy is assigned to those users
    SourceLocation where;
};

// --- Edge pools -----------------------------------------------------------------------------

enum class LoadBalancing { single, dns, hardware };
const char* to_string(LoadBalancing lb);

enum class EdgeService { access, webconf, av };
const char* to_string(EdgeService service);

// The external address of one service on one member. `ips` are the addresses configured on the
// Edge interface; `public_ips` are what NAT translates them to (empty without NAT, or unknown).
struct ServiceAddress {
    std::vector<std::string> ips;
    std::vector<std::string> public_ips;
    SourceLocation where;
};

struct EdgeMember {
    std::string internal_fqdn;
    std::vector<std::string> internal_ips;  // IPv4 and/or IPv6
    ServiceAddress access;
    ServiceAddress webconf;
    ServiceAddress av;
    SourceLocation where;
};

struct ExternalServiceSettings {
    std::string fqdn;  // empty = unknown
    SourceLocation where;
};

// Ports default to the Lync 2013 documentation (DEFTOPO, Set-CsEdgeServer): three IPs use 443 for
// client SIP, Web Conferencing and A/V TCP; a single IP uses 5061 / 444 / 443.
struct EdgePorts {
    int access_client = 443;       // AccessEdge SipClient (remote users; _sip._tls SRV port)
    int access_federation = 5061;  // AccessEdge SipServer external (federation, PIC)
    int webconf = 443;             // DataEdge PsomClient
    int av_tcp = 443;              // MediaRelayEdge TURN over TCP
    int av_udp = 3478;             // MediaRelayEdge TURN over UDP
    int media_start = 50000;       // MediaCommunicationPortStart
    int media_count = 10000;       // MediaCommunicationPortCount
    int xmpp = 5269;               // XmppFederationProxy external
    // Internal side
    int internal_sip = 5061;
    int internal_psom = 8057;
    int internal_mras = 5062;
    int internal_turn_tcp = 443;
    int internal_turn_udp = 3478;
    int internal_xmpp = 23456;
    int internal_replication = 4443;
    // Where an input stated the media range (the topology's MediaCommunication port, an
    // AudioVideo mediaPort* attribute, Get-CsService -EdgeServer); unset when none does, and
    // media_start / media_count are then only the PORTRANGE defaults. PORT-AV-02 judges only a
    // stated range.
    std::optional<SourceLocation> media_range_where;
};

struct HardwareVips {
    std::vector<std::string> access;
    std::vector<std::string> webconf;
    std::vector<std::string> av;
    std::vector<std::string> internal;
    std::string internal_fqdn;  // internal VIP FQDN when it differs from the pool FQDN
    SourceLocation where;
};

enum class CertificateUse { external, internal };
const char* to_string(CertificateUse use);

// A certificate as the topology describes it: either planned (names below) or an existing file.
struct CertificateSpec {
    CertificateUse use = CertificateUse::external;
    std::string file;                    // path of a PEM/DER/PKCS#12 file; empty when planned
    std::string password_env;            // environment variable holding the PKCS#12 password
    std::optional<std::string> subject;  // planned subject CN
    std::vector<std::string> sans;       // planned SAN DNS names
    std::optional<bool> server_eku;
    std::optional<bool> client_eku;
    std::optional<bool> exportable_key;
    // From Get-CsCertificate on the Edge (--settings-from): the assignment as deployed.
    std::string thumbprint;           // upper-case hex; empty when not exported
    std::vector<std::string> usages;  // Use values: AccessEdgeExternal, DataEdgeExternal, ...
    std::string not_after;            // NotAfter as exported (text); empty when unknown
    // Each usage as assigned on one server (Get-CsCertificate runs per Edge server, so a pool's
    // servers can disagree): CERT-EXT-14/15 judge per server and cite the record. `server` is
    // the Edge server the export file names, or empty for every server of the pool (a settings
    // <Certificate usages="...">).
    struct Assignment {
        std::string usage;
        std::string server;
        SourceLocation where;
    };
    std::vector<Assignment> assignments;
    SourceLocation where;
    // Where the EKUs and key exportability were read when an Edge's certificate store export
    // stated them (--settings-from); unknown otherwise, and the findings cite `where`.
    SourceLocation store_where;
};

struct EdgePool {
    std::string id;  // stable key; the internal pool FQDN for Lync exports
    std::string site_id;
    std::string internal_fqdn;
    LoadBalancing load_balancing = LoadBalancing::single;
    // "Use a single FQDN and IP address": all three services share one external address and
    // need distinct ports (PORT-SINGLEIP-01, NET-04).
    bool single_ip = false;
    bool nat = false;         // external addresses are translated by NAT (S2/S4)
    bool federation = false;  // "Enable federation for this Edge pool (port 5061)"
    bool xmpp = false;        // "Enable XMPP federation for this Edge pool (port 5269)"
    std::string next_hop;     // InternalPool::id; empty = unknown
    std::vector<std::string> associated_pools;  // InternalPool::id of pools using this Edge
    ExternalServiceSettings access;
    ExternalServiceSettings webconf;
    ExternalServiceSettings av;
    EdgePorts ports;
    std::optional<HardwareVips> vips;  // load_balancing == hardware
    std::vector<EdgeMember> members;
    std::vector<CertificateSpec> certificates;
    SourceLocation where;
};

// --- Federation settings (CMS configuration; never in Lync exports) --------------------------

enum class PartnerVersion {
    unknown,
    skype_for_business,
    lync2013,
    lync2010,
    ocs2007r2,
    ocs2007,
};
const char* to_string(PartnerVersion version);

enum class RoutingMethod { dns_srv, default_route };

struct AllowedDomain {
    std::string domain;
    std::string proxy_fqdn;  // partner Access Edge FQDN; empty = discovered through DNS SRV
    PartnerVersion version = PartnerVersion::unknown;
    SourceLocation where;
};

struct BlockedDomain {
    std::string domain;
    SourceLocation where;
};

struct HostingProvider {
    std::string name;
    std::string proxy_fqdn;
    std::string verification_level;
    bool enabled = true;
    SourceLocation where;
};

enum class PublicProviderKind { windows_live, skype, aol, yahoo };
const char* to_string(PublicProviderKind kind);

struct PublicProvider {
    PublicProviderKind kind = PublicProviderKind::skype;
    bool enabled = false;
    std::string proxy_fqdn;
    SourceLocation where;
};

enum class Negotiation { required, optional, not_supported };
const char* to_string(Negotiation n);

enum class XmppPartnerType { federated, public_verified, public_unverified };

struct XmppPartner {
    std::string domain;
    std::vector<std::string> additional_domains;
    XmppPartnerType type = XmppPartnerType::federated;
    Negotiation tls = Negotiation::optional;
    Negotiation sasl = Negotiation::optional;
    bool dialback = true;
    SourceLocation where;
};

struct FederationSettings {
    std::optional<bool> enabled;            // AllowFederatedUsers
    std::optional<bool> partner_discovery;  // EnablePartnerDiscovery
    std::optional<RoutingMethod> routing;
    std::optional<bool> archiving_disclaimer;
    std::optional<bool> archiving_external;  // external traffic is archived (FED-12)
    std::vector<AllowedDomain> allowed;
    std::vector<BlockedDomain> blocked;
    std::vector<HostingProvider> hosting_providers;
    std::vector<PublicProvider> public_providers;
    std::vector<XmppPartner> xmpp_partners;
    bool stated = false;  // some input described federation settings at all
    SourceLocation where;
};

struct ExternalAccessPolicy {
    std::string name;
    bool assigned = true;  // assigned to users (global policies always are)
    bool federation = false;
    bool public_im = false;
    bool public_av = false;
    bool xmpp = false;
    bool outside = false;
    SourceLocation where;
};

enum class EncryptionLevel { require, support, do_not_support };
const char* to_string(EncryptionLevel level);

// --- The model --------------------------------------------------------------------------------

struct Model {
    TopologyFormat format = TopologyFormat::edgeplan;
    std::string source_file;
    std::string settings_file;  // empty when no --settings was given
    // Each PowerShell export read through --settings-from, in the order applied.
    struct ExportInput {
        std::string path;
        std::string format;  // "clixml", "csv", "json"
        std::string cmdlet;  // "Get-CsAllowedDomain", ...
    };
    std::vector<ExportInput> exports;
    std::string service_version;  // Lync ServiceVersion of the Edge service (6, 7, 8), if any
    // Where a --settings file stated it (<Settings serviceVersion>); unknown when the topology did.
    SourceLocation service_version_where;

    std::vector<SipDomain> sip_domains;
    std::vector<XmppDomain> xmpp_domains;
    std::vector<Site> sites;
    std::vector<InternalPool> internal_pools;
    std::vector<BranchAppliance> branch_appliances;
    std::vector<EdgePool> edge_pools;
    FederationSettings federation;
    std::vector<ExternalAccessPolicy> policies;
    std::optional<EncryptionLevel> media_encryption;
    SourceLocation where;  // the root element

    const EdgePool* find_edge_pool(const std::string& id) const;
    const InternalPool* find_internal_pool(const std::string& id) const;
    const SipDomain* default_sip_domain() const;
};

}  // namespace edgeplan::topology
