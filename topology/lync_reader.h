#pragma once
// Real Lync Server 2013 / Skype for Business exports: the published topology
// (Get-CsTopology -AsXml) and the Topology Builder document (.tbxml).
// ../shared/reference/topology-xml.md describes both.
#include "topology/model.h"
#include "topology/xml_source.h"

namespace edgeplan::topology {

Model read_lync_published(const XmlSource& source);
Model read_lync_builder(const XmlSource& source);

}  // namespace edgeplan::topology
