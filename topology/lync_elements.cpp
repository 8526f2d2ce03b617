#include "topology/lync_elements.h"

#include "topology/input_error.h"
#include "topology/lync_xml.h"
#include "topology/namespaces.h"
#include "topology/strings.h"

namespace edgeplan::topology::lync {

std::vector<SipDomain> read_sip_domains(const XmlSource& source, const pugi::xml_node& parent) {
    const pugi::xml_node domains =
        require_child(source, parent, ns::lync_topology, "InternalDomains");
    const std::string default_domain =
        strings::lower(optional_attribute(domains, "DefaultDomain").value_or(""));
    std::vector<SipDomain> out;
    for (pugi::xml_node node : children(domains, ns::lync_topology, "InternalDomain")) {
        SipDomain domain;
        domain.name = strings::lower(require_attribute(source, node, "Name"));
        domain.is_default = domain.name == default_domain;
        domain.where = source.location_of(node);
        out.push_back(domain);
    }
    // The default domain is always a SIP domain even if no InternalDomain repeats it.
    if (!default_domain.empty()) {
        bool listed = false;
        for (const SipDomain& domain : out) listed = listed || domain.is_default;
        if (!listed) {
            SipDomain domain;
            domain.name = default_domain;
            domain.is_default = true;
            domain.where = source.location_of(domains);
            out.insert(out.begin(), domain);
        }
    }
    return out;
}

Site read_site(const XmlSource& source, const pugi::xml_node& central_site) {
    Site site;
    site.id = std::to_string(require_int(source, central_site, "SiteId", 0, 1000000000));
    if (pugi::xml_node name = child(central_site, ns::lync_topology, "Name")) {
        site.name = name.text().get();
    }
    // The XML element holding a site's federation routes was not found in any export
    // (topology-xml.md 8.3); the routes stay empty (unknown) and a --settings file can set them.
    site.where = source.location_of(central_site);
    return site;
}

std::vector<NetInterface> read_interfaces(const XmlSource& source, const pugi::xml_node& machine) {
    std::vector<NetInterface> out;
    for (pugi::xml_node node : children(machine, ns::lync_topology, "NetInterface")) {
        NetInterface net;
        net.side = require_attribute(source, node, "InterfaceSide");
        net.number = require_int(source, node, "InterfaceNumber", 0, 1000);
        net.ip = optional_ip(source, node, "IPAddress").value_or("");
        net.configured_ip = optional_ip(source, node, "ConfiguredIPAddress");
        net.where = source.location_of(node);
        out.push_back(net);
    }
    return out;
}

std::string machine_fqdn(const XmlSource& source, const pugi::xml_node& machine,
                         const std::string& cluster_fqdn, bool single_machine) {
    const std::optional<std::string> fqdn = optional_attribute(machine, "Fqdn");
    if (fqdn && !fqdn->empty()) return strings::lower(*fqdn);
    if (single_machine) return strings::lower(cluster_fqdn);
    throw InputError(source.location_of(machine),
                     "<Machine> has no Fqdn attribute and its cluster " + cluster_fqdn +
                         " has more than one machine");
}

std::string read_service_version(const XmlSource& source, const pugi::xml_node& service) {
    const std::optional<int> version = optional_int(source, service, "ServiceVersion", 0, 1000);
    return version ? std::to_string(*version) : std::string();
}

std::vector<Port> read_ports(const XmlSource& source, const pugi::xml_node& service) {
    std::vector<Port> out;
    const pugi::xml_node ports = child(service, ns::lync_service_roles, "Ports");
    if (!ports) return out;
    for (pugi::xml_node node : children(ports, ns::lync_service_roles, "Port")) {
        Port port;
        std::string owner = require_attribute(source, node, "Owner");
        // "urn:component:AccessEdge" / "urn:application:RGS": keep the last segment.
        const auto colon = owner.rfind(':');
        port.owner = colon == std::string::npos ? owner : owner.substr(colon + 1);
        port.usage = require_attribute(source, node, "Usage");
        port.side = require_attribute(source, node, "InterfaceSide");
        port.number = require_int(source, node, "InterfaceNumber", 0, 1000);
        port.port = require_int(source, node, "Port", 1, 65535);
        port.range = optional_int(source, node, "Range", 1, 65535);
        port.protocol = optional_attribute(node, "Protocol").value_or("");
        port.configured_fqdn =
            strings::lower(optional_attribute(node, "ConfiguredFqdn").value_or(""));
        port.where = source.location_of(node);
        out.push_back(port);
    }
    return out;
}

bool read_is_director(const XmlSource& source, const pugi::xml_node& service) {
    const pugi::xml_node registrar = child(service, ns::lync_service_roles, "RegistrarService");
    return registrar && optional_bool(source, registrar, "IsDirector", false);
}

}  // namespace edgeplan::topology::lync
