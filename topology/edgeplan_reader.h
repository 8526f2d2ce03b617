#pragma once
// edgeplan's own topology format (docs/topology-format.md, docs/schema/topology.xsd).
#include "topology/model.h"
#include "topology/xml_source.h"

namespace edgeplan::topology {

Model read_edgeplan_topology(const XmlSource& source);

// A --settings file (root <Settings> in the edgeplan namespace): federation policy, access
// policies, media settings and per-pool overrides that complete or override an export.
void apply_settings(const XmlSource& settings, Model& model);

}  // namespace edgeplan::topology
