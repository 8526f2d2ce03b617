// Topology Builder document (.tbxml): clusters nested under their CentralSite, services
// referring to clusters, SQL instances and each other by GUID (topology-xml.md 4).
#include <map>
#include <set>
#include <utility>

#include "topology/input_error.h"
#include "topology/lync_elements.h"
#include "topology/lync_graph.h"
#include "topology/lync_reader.h"
#include "topology/lync_xml.h"
#include "topology/namespaces.h"
#include "topology/strings.h"

namespace edgeplan::topology {
namespace {

using lync::child;
using lync::children;
using lync::require_attribute;
using lync::require_child;

class BuilderReader {
  public:
    explicit BuilderReader(const XmlSource& source) : source_(source) {}

    lync::Graph read() {
        const pugi::xml_node root = source_.root();
        graph_.format = TopologyFormat::lync_builder;
        graph_.where = source_.location_of(root);
        // Only NewTopology is read: it is what Topology Builder would publish. Unknown
        // siblings (an OldTopology, topology-xml.md 4) are ignored.
        const pugi::xml_node topology =
            require_child(source_, root, ns::lync_builder, "NewTopology");
        const pugi::xml_node partial =
            require_child(source_, topology, ns::lync_writable, "PartialTopology");
        graph_.sip_domains = lync::read_sip_domains(source_, partial);
        const pugi::xml_node sites =
            require_child(source_, partial, ns::lync_writable, "CentralSites");
        for (pugi::xml_node site : children(sites, ns::lync_writable, "CentralSite")) {
            read_site(site);
        }
        read_services(require_child(source_, partial, ns::lync_writable, "Services"));
        check_dependencies();
        return std::move(graph_);
    }

  private:
    // GUIDs are compared case-insensitively, as .NET parses them.
    std::string guid(const pugi::xml_node& node, const char* attribute) {
        return strings::lower(require_attribute(source_, node, attribute));
    }

    void read_site(const pugi::xml_node& node) {
        Site site = lync::read_site(source_, node);
        for (const Site& other : graph_.sites) {
            if (other.id == site.id) {
                throw InputError(site.where, "duplicate CentralSite SiteId " + site.id);
            }
        }
        graph_.sites.push_back(site);
        const pugi::xml_node clusters = child(node, ns::lync_writable, "Clusters");
        for (pugi::xml_node cluster : children(clusters, ns::lync_writable, "Cluster")) {
            read_cluster(cluster, site.id);
        }
    }

    void read_cluster(const pugi::xml_node& node, const std::string& site_id) {
        lync::Cluster cluster;
        cluster.where = source_.location_of(node);
        cluster.key = guid(node, "UniqueId");
        cluster.site_id = site_id;
        cluster.fqdn = strings::lower(require_attribute(source_, node, "Fqdn"));
        if (lync::optional_attribute(node, "IsSingleMachineOnly")) {
            cluster.single_machine_only =
                lync::optional_bool(source_, node, "IsSingleMachineOnly", false);
        }
        if (!hosts_.emplace(cluster.key, cluster.key).second) {
            throw InputError(cluster.where, "duplicate UniqueId " + cluster.key);
        }
        const auto machines =
            children(child(node, ns::lync_writable, "Machines"), ns::lync_writable, "Machine");
        const bool single = cluster.single_machine_only.value_or(false) || machines.size() == 1;
        for (pugi::xml_node machine_node : machines) {
            lync::Machine machine;
            machine.fqdn = lync::machine_fqdn(source_, machine_node, cluster.fqdn, single);
            machine.interfaces = lync::read_interfaces(source_, machine_node);
            machine.where = source_.location_of(machine_node);
            cluster.machines.push_back(machine);
        }
        const pugi::xml_node sql = child(node, ns::lync_writable, "SqlInstances");
        for (pugi::xml_node instance : children(sql, ns::lync_writable, "SqlInstance")) {
            const std::string key = guid(instance, "UniqueId");
            if (!hosts_.emplace(key, cluster.key).second) {
                throw InputError(source_.location_of(instance), "duplicate UniqueId " + key);
            }
            sql_instances_.insert(key);
        }
        graph_.clusters.push_back(cluster);
    }

    void read_services(const pugi::xml_node& services) {
        for (pugi::xml_node node : children(services, ns::lync_writable, "Service")) {
            lync::Service service;
            service.where = source_.location_of(node);
            service.key = guid(node, "UniqueId");
            service.role = require_attribute(source_, node, "RoleName");
            if (graph_.find_service(service.key)) {
                throw InputError(service.where, "duplicate Service UniqueId " + service.key);
            }
            service.service_version = lync::read_service_version(source_, node);
            const std::string host = guid(node, "InstalledOn");
            const auto found = hosts_.find(host);
            if (found == hosts_.end()) {
                throw InputError(service.where, "InstalledOn=\"" + host +
                                                    "\" refers to no Cluster or SqlInstance");
            }
            service.cluster_key = found->second;
            service.on_sql_instance = sql_instances_.count(host) > 0;
            const pugi::xml_node depends = child(node, ns::lync_writable, "DependsOn");
            for (pugi::xml_node dep : children(depends, ns::lync_writable, "Dependency")) {
                service.dependencies.push_back(guid(dep, "ServiceUniqueId"));
                pending_.emplace_back(service.dependencies.back(), source_.location_of(dep));
            }
            service.ports = lync::read_ports(source_, node);
            service.is_director = lync::read_is_director(source_, node);
            graph_.services.push_back(service);
        }
    }

    void check_dependencies() const {
        for (const auto& [key, where] : pending_) {
            if (!graph_.find_service(key)) {
                throw InputError(where, "Dependency ServiceUniqueId=\"" + key +
                                            "\" refers to a service that does not exist");
            }
        }
    }

    const XmlSource& source_;
    lync::Graph graph_;
    std::map<std::string, std::string> hosts_;  // Cluster or SqlInstance GUID -> cluster key
    std::set<std::string> sql_instances_;
    std::vector<std::pair<std::string, SourceLocation>> pending_;
};

}  // namespace

Model read_lync_builder(const XmlSource& source) {
    return lync::build_model(BuilderReader(source).read());
}

}  // namespace edgeplan::topology
