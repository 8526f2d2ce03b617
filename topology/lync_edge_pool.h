#pragma once
// One EdgeServer service of a Lync export -> one EdgePool (topology-xml.md 7).
#include "topology/lync_graph.h"
#include "topology/model.h"

namespace edgeplan::topology::lync {

// The pool id of the cluster a service runs on (its FQDN in lower case).
std::string pool_id_of(const Graph& graph, const Service& service);

EdgePool build_edge_pool(const Graph& graph, const Service& edge);

}  // namespace edgeplan::topology::lync
