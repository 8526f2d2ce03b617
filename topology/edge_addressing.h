#pragma once
// The Edge pools as the HTML report's diagram draws them (docs/report-format.md, "Edge
// diagram"): each member's external addresses per service, its internal interface, the pool's
// VIPs and its next hop. Copied out of the model into the Plan so that a Report, and a saved
// JSON report, can draw the picture without the model.
#include <string>
#include <vector>

#include "topology/model.h"

namespace edgeplan::topology {

// One service's addresses on one member. Unusable entries (0.0.0.0, not an address) are
// dropped, so an empty list means the address is unknown.
struct ServiceAddressing {
    std::vector<std::string> interface_ips;  // configured on the Edge's external interface
    std::vector<std::string> public_ips;     // what NAT translates them to; empty without NAT
};

struct MemberAddressing {
    std::string fqdn;                       // internal FQDN; empty when the input has none
    std::vector<std::string> internal_ips;  // Edge internal interface
    // With "single FQDN and IP" all three are the Access Edge's addresses (DEFTOPO).
    ServiceAddressing access;
    ServiceAddressing webconf;
    ServiceAddressing av;
    SourceLocation where;
};

struct EdgePoolAddressing {
    std::string pool_id;
    std::string fqdn;  // internal pool FQDN
    std::string site;  // site name, else site id
    LoadBalancing load_balancing = LoadBalancing::single;
    bool nat = false;
    bool single_ip = false;
    std::string access_fqdn;  // external FQDNs; empty = unknown
    std::string webconf_fqdn;
    std::string av_fqdn;
    std::vector<MemberAddressing> members;
    // Hardware load balancing only: the VIPs the Internet and the internal network use.
    std::vector<std::string> access_vips;
    std::vector<std::string> webconf_vips;
    std::vector<std::string> av_vips;
    std::vector<std::string> internal_vips;
    // The next hop pool (Director or Front End pool); fqdn empty = the topology names none.
    std::string next_hop_fqdn;
    std::string next_hop_kind;  // to_string(InternalPoolKind)
    std::vector<Server> next_hop_servers;
    SourceLocation where;
};

}  // namespace edgeplan::topology
