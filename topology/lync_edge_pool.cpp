#include "topology/lync_edge_pool.h"

#include <algorithm>

#include "topology/input_error.h"

namespace edgeplan::topology::lync {
namespace {

// The first port of `service` with that owner component, usage, interface side and (when
// given) protocol. Lync writes each Edge port once (topology-xml.md 6).
const Port* find_port(const Service& service, const char* owner, const char* usage,
                      const char* side, const char* protocol = nullptr) {
    for (const Port& port : service.ports) {
        if (port.owner == owner && port.usage == usage && port.side == side &&
            (!protocol || port.protocol == protocol)) {
            return &port;
        }
    }
    return nullptr;
}

// A port the export lacks keeps the model's documented default (EdgePorts in model.h).
void set_port(int& field, const Port* port) {
    if (port) field = port->port;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

// A service's address on one member is the member's NetInterface named by the service's own
// Port (InterfaceSide, InterfaceNumber), never a fixed interface number (topology-xml.md 7.4).
// ConfiguredIPAddress on that interface is the NAT public address (7.3); 0.0.0.0 stays unknown.
ServiceAddress address_of(const Machine& machine, const Port* port) {
    ServiceAddress address;
    address.where = machine.where;
    if (!port) return address;
    const NetInterface* net = machine.find_interface(port->side, port->number);
    if (!net) return address;
    add_unique(address.ips, net->ip);
    if (net->configured_ip) add_unique(address.public_ips, *net->configured_ip);
    address.where = net->where;
    return address;
}

ExternalServiceSettings settings_of(const Port* port, const SourceLocation& fallback) {
    ExternalServiceSettings settings;
    settings.where = fallback;
    if (port) {
        settings.fqdn = port->configured_fqdn;
        settings.where = port->where;
    }
    return settings;
}

bool same_interface(const Port* a, const Port* b) {
    return a && b && a->side == b->side && a->number == b->number &&
           a->configured_fqdn == b->configured_fqdn;
}

const Port* first_of(std::initializer_list<const Port*> ports) {
    for (const Port* port : ports) {
        if (port) return port;
    }
    return nullptr;
}

}  // namespace

std::string pool_id_of(const Graph& graph, const Service& service) {
    const Cluster* cluster = graph.find_cluster(service.cluster_key);
    return cluster ? cluster->fqdn : std::string();
}

EdgePool build_edge_pool(const Graph& graph, const Service& edge) {
    const Cluster* cluster = graph.find_cluster(edge.cluster_key);
    if (!cluster || edge.on_sql_instance) {
        throw InputError(edge.where, "the EdgeServer service is not installed on a cluster");
    }
    EdgePool pool;
    pool.id = cluster->fqdn;  // the internal pool FQDN (topology-xml.md 7.1)
    pool.site_id = cluster->site_id;
    pool.internal_fqdn = cluster->fqdn;
    pool.where = cluster->where;

    // External side (topology-xml.md 6).
    const Port* client = find_port(edge, "AccessEdge", "SipClient", "External");
    const Port* federation = find_port(edge, "AccessEdge", "SipServer", "External");
    const Port* webconf = find_port(edge, "DataEdge", "PsomClient", "External");
    const Port* turn_tcp = find_port(edge, "MediaRelayEdge", "TURNServer", "External", "Tcp");
    const Port* turn_udp = find_port(edge, "MediaRelayEdge", "TURNServer", "External", "Udp");
    const Port* media = find_port(edge, "MediaRelayEdge", "MediaCommunication", "External");
    const Port* xmpp = find_port(edge, "XmppFederationProxy", "XmppServer", "External");
    set_port(pool.ports.access_client, client);
    set_port(pool.ports.access_federation, federation);
    set_port(pool.ports.webconf, webconf);
    set_port(pool.ports.av_tcp, turn_tcp);
    set_port(pool.ports.av_udp, turn_udp);
    set_port(pool.ports.media_start, media);
    if (media && media->range) pool.ports.media_count = *media->range;
    if (media) {
        pool.ports.media_range_where = media->where;
        // PORTRANGE: the range is Port .. Port + Range - 1 and must stay a port range, as the
        // edgeplan format and Get-CsService -EdgeServer already require.
        if (pool.ports.media_start + pool.ports.media_count - 1 > 65535) {
            throw InputError(media->where,
                             "media port range " + std::to_string(pool.ports.media_start) + "+" +
                                 std::to_string(pool.ports.media_count) + " goes past 65535");
        }
    }
    set_port(pool.ports.xmpp, xmpp);
    // Federation and XMPP have no switch in the export: the listener port exists only when
    // Topology Builder's "Enable federation (5061)" / "Enable XMPP federation" is ticked (7.5).
    pool.federation = federation != nullptr;
    pool.xmpp = xmpp != nullptr;

    // Internal side.
    set_port(pool.ports.internal_sip, find_port(edge, "AccessEdge", "SipServer", "Internal"));
    set_port(pool.ports.internal_psom, find_port(edge, "DataEdge", "PsomServer", "Internal"));
    set_port(pool.ports.internal_mras,
             find_port(edge, "MediaRelayAuthenticationEdge", "SipServer", "Internal"));
    set_port(pool.ports.internal_turn_tcp,
             find_port(edge, "MediaRelayEdge", "TURNServer", "Internal", "Tcp"));
    set_port(pool.ports.internal_turn_udp,
             find_port(edge, "MediaRelayEdge", "TURNServer", "Internal", "Udp"));
    set_port(pool.ports.internal_xmpp,
             find_port(edge, "XmppFederationProxy", "XptServer", "Internal"));
    // Replication belongs to the ManagementServices service on the same cluster (6).
    for (const Service& other : graph.services) {
        if (other.role == "ManagementServices" && other.cluster_key == edge.cluster_key) {
            set_port(pool.ports.internal_replication,
                     find_port(other, "ReplicationService", "Replication", "Internal"));
        }
    }

    // Each service's endpoint is its client-facing port; the federation listener stands in
    // for Access when the client port is missing.
    const Port* access_endpoint = first_of({client, federation});
    const Port* av_endpoint = first_of({turn_tcp, turn_udp, media});
    pool.access = settings_of(access_endpoint, pool.where);
    pool.webconf = settings_of(webconf, pool.where);
    pool.av = settings_of(av_endpoint, pool.where);
    // "Use a single FQDN and IP address": all three services on one external interface and
    // FQDN (7.4).
    pool.single_ip =
        same_interface(access_endpoint, webconf) && same_interface(access_endpoint, av_endpoint);

    for (const Machine& machine : cluster->machines) {
        EdgeMember member;
        member.internal_fqdn = machine.fqdn;
        member.where = machine.where;
        for (const NetInterface& net : machine.interfaces) {
            if (net.side == "Internal") add_unique(member.internal_ips, net.ip);
            // Topology Builder writes ConfiguredIPAddress only for "translated by NAT" (7.3).
            if (net.side == "External" && net.configured_ip) pool.nat = true;
        }
        member.access = address_of(machine, access_endpoint);
        member.webconf = address_of(machine, webconf);
        member.av = address_of(machine, av_endpoint);
        pool.members.push_back(member);
    }
    // The export does not say whether a multi-member pool uses DNS or hardware load balancing
    // (topology-xml.md 11, question 5). DNS is the default Topology Builder offers and the
    // only one compatible with NAT (LB-02); a --settings <EdgePool ref> can override it.
    pool.load_balancing = pool.members.size() > 1 ? LoadBalancing::dns : LoadBalancing::single;

    // Next hop: the Registrar service the Edge depends on (7.6).
    for (const std::string& key : edge.dependencies) {
        const Service* dependency = graph.find_service(key);
        if (dependency && dependency->role == "Registrar") {
            pool.next_hop = pool_id_of(graph, *dependency);
            break;
        }
    }
    return pool;
}

}  // namespace edgeplan::topology::lync
