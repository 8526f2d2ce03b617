#pragma once
// The part of a Lync topology edgeplan needs, in one shape for both export forms: the published
// form keys objects by compound ids (ClusterId SiteId+Number, ServiceId SiteId+RoleName+Instance),
// the .tbxml form by GUIDs (topology-xml.md 4, mapping table). Each reader resolves and checks
// its own references, so the graph holds only keys that exist; build_lync_model() then maps the
// graph to the Model the same way for both forms.
#include <optional>
#include <string>
#include <vector>

#include "topology/model.h"
#include "topology/source_location.h"

namespace edgeplan::topology::lync {

struct NetInterface {
    std::string side;  // Primary, Internal, External, Pstn
    int number = 1;
    std::string ip;                            // canonical; "" when absent or 0.0.0.0
    std::optional<std::string> configured_ip;  // ConfiguredIPAddress present ("" = 0.0.0.0)
    SourceLocation where;
};

struct Machine {
    std::string fqdn;  // the cluster FQDN when the export omits it (single-machine cluster)
    std::vector<NetInterface> interfaces;
    SourceLocation where;

    const NetInterface* find_interface(const std::string& side, int number) const;
};

struct Cluster {
    std::string key;  // "site:number" (published) or the UniqueId GUID (tbxml)
    std::string site_id;
    std::string fqdn;
    std::optional<bool> single_machine_only;  // IsSingleMachineOnly (tbxml only)
    std::vector<Machine> machines;
    SourceLocation where;
};

struct Port {
    std::string owner;  // "AccessEdge" from Owner="urn:component:AccessEdge"
    std::string usage;  // SipServer, SipClient, PsomClient, TURNServer, ...
    std::string side;
    int number = 1;
    int port = 0;
    std::optional<int> range;
    std::string protocol;
    std::string configured_fqdn;
    SourceLocation where;
};

struct Service {
    std::string key;  // "site:role:instance" (published) or the UniqueId GUID (tbxml)
    std::string role;
    std::string service_version;
    std::string cluster_key;  // cluster it runs on, or the cluster of its SQL instance
    bool on_sql_instance = false;
    std::vector<std::string> dependencies;  // service keys, all present in the graph
    std::vector<Port> ports;
    bool is_director = false;  // RegistrarService IsDirector="true"
    SourceLocation where;
};

struct Graph {
    TopologyFormat format = TopologyFormat::lync_published;
    std::vector<SipDomain> sip_domains;
    std::vector<Site> sites;
    std::vector<Cluster> clusters;
    std::vector<Service> services;
    SourceLocation where;

    const Cluster* find_cluster(const std::string& key) const;
    const Service* find_service(const std::string& key) const;
};

Model build_model(const Graph& graph);

}  // namespace edgeplan::topology::lync
