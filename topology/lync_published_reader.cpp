// Published topology (Get-CsTopology -AsXml): flat Sites, Clusters, SqlInstances and Services
// joined by compound keys (topology-xml.md 3).
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
using lync::require_int;

constexpr int kMaxId = 1000000000;

class PublishedReader {
  public:
    explicit PublishedReader(const XmlSource& source) : source_(source) {}

    lync::Graph read() {
        const pugi::xml_node root = source_.root();
        graph_.format = TopologyFormat::lync_published;
        graph_.where = source_.location_of(root);
        graph_.sip_domains = lync::read_sip_domains(source_, root);
        read_sites(require_child(source_, root, ns::lync_topology, "Sites"));
        read_clusters(require_child(source_, root, ns::lync_topology, "Clusters"));
        if (pugi::xml_node sql = child(root, ns::lync_topology, "SqlInstances")) {
            read_sql_instances(sql);
        }
        read_services(require_child(source_, root, ns::lync_topology, "Services"));
        check_dependencies();
        return std::move(graph_);
    }

  private:
    void read_sites(const pugi::xml_node& sites) {
        for (pugi::xml_node node : children(sites, ns::lync_topology, "CentralSite")) {
            Site site = lync::read_site(source_, node);
            if (!site_ids_.insert(site.id).second) {
                throw InputError(site.where, "duplicate CentralSite SiteId " + site.id);
            }
            graph_.sites.push_back(site);
        }
    }

    // ClusterId SiteId= Number= -> "site:number", checked against the declared clusters when
    // `must_exist` (a reference), against the sites otherwise (a declaration).
    std::string cluster_key(const pugi::xml_node& cluster_id, bool must_exist) {
        const int site = require_int(source_, cluster_id, "SiteId", 0, kMaxId);
        const int number = require_int(source_, cluster_id, "Number", 0, kMaxId);
        const std::string key = std::to_string(site) + ":" + std::to_string(number);
        if (must_exist && !graph_.find_cluster(key)) {
            throw InputError(source_.location_of(cluster_id),
                             "ClusterId SiteId=" + std::to_string(site) +
                                 " Number=" + std::to_string(number) +
                                 " refers to a cluster that does not exist");
        }
        if (!must_exist && !site_ids_.count(std::to_string(site))) {
            throw InputError(source_.location_of(cluster_id),
                             "ClusterId SiteId=" + std::to_string(site) +
                                 " refers to a site that does not exist");
        }
        return key;
    }

    void read_clusters(const pugi::xml_node& clusters) {
        for (pugi::xml_node node : children(clusters, ns::lync_topology, "Cluster")) {
            lync::Cluster cluster;
            cluster.fqdn = strings::lower(require_attribute(source_, node, "Fqdn"));
            const pugi::xml_node id = require_child(source_, node, ns::lync_topology, "ClusterId");
            cluster.key = cluster_key(id, false);
            cluster.site_id = cluster.key.substr(0, cluster.key.find(':'));
            cluster.where = source_.location_of(node);
            if (graph_.find_cluster(cluster.key)) {
                throw InputError(cluster.where, "duplicate ClusterId " + cluster.key);
            }
            const auto machines = children(node, ns::lync_topology, "Machine");
            for (pugi::xml_node machine_node : machines) {
                lync::Machine machine;
                machine.fqdn =
                    lync::machine_fqdn(source_, machine_node, cluster.fqdn, machines.size() == 1);
                machine.interfaces = lync::read_interfaces(source_, machine_node);
                machine.where = source_.location_of(machine_node);
                cluster.machines.push_back(machine);
            }
            graph_.clusters.push_back(cluster);
        }
    }

    // SqlInstanceId Name= with its ClusterId; the key is "name@site:number".
    std::string sql_key(const pugi::xml_node& sql_id) {
        const std::string name = strings::lower(require_attribute(source_, sql_id, "Name", true));
        const pugi::xml_node id = require_child(source_, sql_id, ns::lync_topology, "ClusterId");
        return name + "@" + cluster_key(id, true);
    }

    void read_sql_instances(const pugi::xml_node& sql) {
        for (pugi::xml_node node : children(sql, ns::lync_topology, "SqlInstance")) {
            sql_instances_.insert(
                sql_key(require_child(source_, node, ns::lync_topology, "SqlInstanceId")));
        }
    }

    // ServiceId SiteId= RoleName= Instance= -> "site:role:instance".
    std::string service_key(const pugi::xml_node& service_id, std::string* role = nullptr) {
        const int site = require_int(source_, service_id, "SiteId", 0, kMaxId);
        const std::string role_name = require_attribute(source_, service_id, "RoleName");
        const int instance = require_int(source_, service_id, "Instance", 0, kMaxId);
        if (role) *role = role_name;
        return std::to_string(site) + ":" + role_name + ":" + std::to_string(instance);
    }

    void read_installed_on(const pugi::xml_node& installed_on, lync::Service& service) {
        if (pugi::xml_node id = child(installed_on, ns::lync_topology, "ClusterId")) {
            service.cluster_key = cluster_key(id, true);
            return;
        }
        if (pugi::xml_node sql_id = child(installed_on, ns::lync_topology, "SqlInstanceId")) {
            const std::string key = sql_key(sql_id);
            if (!sql_instances_.count(key)) {
                throw InputError(source_.location_of(sql_id),
                                 "SqlInstanceId refers to a SQL instance that does not exist");
            }
            service.cluster_key = key.substr(key.find('@') + 1);
            service.on_sql_instance = true;
            return;
        }
        throw InputError(source_.location_of(installed_on),
                         "<InstalledOn> names neither a ClusterId nor a SqlInstanceId");
    }

    void read_services(const pugi::xml_node& services) {
        for (pugi::xml_node node : children(services, ns::lync_topology, "Service")) {
            lync::Service service;
            service.where = source_.location_of(node);
            service.key = service_key(require_child(source_, node, ns::lync_topology, "ServiceId"),
                                      &service.role);
            if (graph_.find_service(service.key)) {
                throw InputError(service.where, "duplicate ServiceId " + service.key);
            }
            service.service_version = lync::read_service_version(source_, node);
            read_installed_on(require_child(source_, node, ns::lync_topology, "InstalledOn"),
                              service);
            if (pugi::xml_node depends = child(node, ns::lync_topology, "DependsOn")) {
                for (pugi::xml_node dep : children(depends, ns::lync_topology, "Dependency")) {
                    const pugi::xml_node id =
                        require_child(source_, dep, ns::lync_topology, "ServiceId");
                    service.dependencies.push_back(service_key(id));
                    pending_.emplace_back(service.dependencies.back(), source_.location_of(id));
                }
            }
            service.ports = lync::read_ports(source_, node);
            service.is_director = lync::read_is_director(source_, node);
            graph_.services.push_back(service);
        }
    }

    // Dependencies may point forward, so they are checked once every service is known.
    void check_dependencies() const {
        for (const auto& [key, where] : pending_) {
            if (!graph_.find_service(key)) {
                throw InputError(where, "Dependency ServiceId " + key +
                                            " refers to a service that does not exist");
            }
        }
    }

    const XmlSource& source_;
    lync::Graph graph_;
    std::set<std::string> site_ids_;
    std::set<std::string> sql_instances_;
    std::vector<std::pair<std::string, SourceLocation>> pending_;
};

}  // namespace

Model read_lync_published(const XmlSource& source) {
    return lync::build_model(PublishedReader(source).read());
}

}  // namespace edgeplan::topology
