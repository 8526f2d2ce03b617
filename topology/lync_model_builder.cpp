// Maps a Lync graph (either export form) to the Model: SIP domains, sites, internal pools
// (clusters hosting a Registrar) and Edge pools (one per EdgeServer service).
#include "topology/input_error.h"
#include "topology/lync_edge_pool.h"
#include "topology/lync_graph.h"

namespace edgeplan::topology::lync {
namespace {

// Standard Edition: tbxml states IsSingleMachineOnly; the published form does not, but there
// a Standard Edition server is a one-machine cluster named after its machine, whereas an
// Enterprise pool with one member keeps a pool FQDN of its own (topology-xml.md 3, 8.1).
bool is_standard_edition(const Cluster& cluster) {
    if (cluster.single_machine_only) return *cluster.single_machine_only;
    return cluster.machines.size() == 1 && cluster.machines.front().fqdn == cluster.fqdn;
}

InternalPool build_internal_pool(const Graph& graph, const Service& registrar,
                                 const Cluster& cluster) {
    InternalPool pool;
    pool.id = cluster.fqdn;
    pool.site_id = cluster.site_id;
    pool.fqdn = cluster.fqdn;
    pool.where = cluster.where;
    if (registrar.is_director) {
        pool.kind = InternalPoolKind::director;
    } else if (is_standard_edition(cluster)) {
        pool.kind = InternalPoolKind::standard_edition;
    }
    for (const Machine& machine : cluster.machines) {
        Server server;
        server.fqdn = machine.fqdn;
        server.where = machine.where;
        // Non-Edge servers normally carry 0.0.0.0 ("not pinned"), which stays unknown.
        for (const NetInterface& net : machine.interfaces) {
            if (!net.ip.empty()) server.ips.push_back(net.ip);
        }
        pool.servers.push_back(server);
    }
    for (const Service& service : graph.services) {
        if (service.role == "CentralMgmt" && service.cluster_key == cluster.key) {
            pool.hosts_cms = true;
        }
    }
    // "Associate Front End pools": the Registrar depends on the Edge it uses (7.6).
    for (const std::string& key : registrar.dependencies) {
        const Service* dependency = graph.find_service(key);
        if (dependency && dependency->role == "EdgeServer") {
            pool.edge_pool = pool_id_of(graph, *dependency);
            break;
        }
    }
    return pool;
}

}  // namespace

Model build_model(const Graph& graph) {
    Model model;
    model.format = graph.format;
    model.where = graph.where;
    model.sip_domains = graph.sip_domains;
    model.sites = graph.sites;

    for (const Service& service : graph.services) {
        if (service.role != "Registrar") continue;
        const Cluster* cluster = graph.find_cluster(service.cluster_key);
        if (!cluster || service.on_sql_instance) {
            throw InputError(service.where, "the Registrar service is not installed on a cluster");
        }
        if (model.find_internal_pool(cluster->fqdn)) continue;
        model.internal_pools.push_back(build_internal_pool(graph, service, *cluster));
    }

    // No EdgeServer service is not an input error: edge_pools stays empty and a check says so.
    for (const Service& service : graph.services) {
        if (service.role != "EdgeServer") continue;
        EdgePool pool = build_edge_pool(graph, service);
        for (const InternalPool& internal : model.internal_pools) {
            if (internal.edge_pool == pool.id) pool.associated_pools.push_back(internal.id);
        }
        if (model.service_version.empty()) model.service_version = service.service_version;
        model.edge_pools.push_back(pool);
    }
    return model;
}

}  // namespace edgeplan::topology::lync
