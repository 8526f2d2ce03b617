#include "topology/lync_graph.h"

namespace edgeplan::topology::lync {

const NetInterface* Machine::find_interface(const std::string& side, int number) const {
    for (const NetInterface& candidate : interfaces) {
        if (candidate.side == side && candidate.number == number) return &candidate;
    }
    return nullptr;
}

const Cluster* Graph::find_cluster(const std::string& key) const {
    for (const Cluster& cluster : clusters) {
        if (cluster.key == key) return &cluster;
    }
    return nullptr;
}

const Service* Graph::find_service(const std::string& key) const {
    for (const Service& service : services) {
        if (service.key == key) return &service;
    }
    return nullptr;
}

}  // namespace edgeplan::topology::lync
