#pragma once
// Elements that look the same in the published form and in .tbxml (topology-xml.md 3 and 4):
// InternalDomains, a CentralSite's Name, NetInterface, Ports and the role-specific
// RegistrarService. Both readers call these so the two forms cannot drift apart.
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "topology/lync_graph.h"
#include "topology/xml_source.h"

namespace edgeplan::topology::lync {

// InternalDomains (ns Topology.2008) under `parent`: DefaultDomain + each InternalDomain Name
// (topology-xml.md 8.2). Missing InternalDomains is an input error.
std::vector<SipDomain> read_sip_domains(const XmlSource& source, const pugi::xml_node& parent);

// CentralSite @SiteId and its Name (ns Topology.2008).
Site read_site(const XmlSource& source, const pugi::xml_node& central_site);

// A Machine's NetInterface children (ns Topology.2008 in both forms).
std::vector<NetInterface> read_interfaces(const XmlSource& source, const pugi::xml_node& machine);

// The cluster FQDN stands in for a Machine without @Fqdn only in a single-machine cluster
// (tbxml, topology-xml.md 4); anywhere else the machine name is required.
std::string machine_fqdn(const XmlSource& source, const pugi::xml_node& machine,
                         const std::string& cluster_fqdn, bool single_machine);

// Service/@ServiceVersion (6 = Lync 2013, 7 = SfB 2015, 8 = SfB 2019; topology-xml.md 2.2).
// Any decimal number is accepted; other text is an input error.
std::string read_service_version(const XmlSource& source, const pugi::xml_node& service);

// Ports/Port (ns ServiceRoles.2008) of a Service, and its RegistrarService/@IsDirector.
std::vector<Port> read_ports(const XmlSource& source, const pugi::xml_node& service);
bool read_is_director(const XmlSource& source, const pugi::xml_node& service);

}  // namespace edgeplan::topology::lync
