#pragma once
// Section readers of the edgeplan format, shared by the topology reader and the --settings
// reader (docs/topology-format.md). Each reads one element kind into the model; references
// between elements are collected and resolved once the whole file is read.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "topology/model.h"
#include "topology/xml_source.h"

namespace edgeplan::topology::edgeplan_format {

// A reference by id (nextHop, edgePool, federationRoute, ...) waiting for the target to exist.
struct Reference {
    enum class Target { edge_pool, internal_pool };
    Target target = Target::edge_pool;
    std::string attribute;  // for the message
    std::string value;
    SourceLocation where;
    // Where to store the target's id once resolved (indices into the model stay valid).
    std::function<std::string&(Model&)> field;
};

// Sets every reference to the exact id of its target; InputError on a dangling one.
void resolve_references(const std::vector<Reference>& references, Model& model);

// --- organisation (edgeplan_organisation.cpp) ---
// `merge`: a domain already in the model is overridden attribute by attribute (settings).
void read_sip_domains(const XmlSource& source, pugi::xml_node node, Model& model, bool merge);
void read_xmpp_domains(const XmlSource& source, pugi::xml_node node, Model& model);
void read_sites(const XmlSource& source, pugi::xml_node node, Model& model,
                std::vector<Reference>& references);

// --- edge pools (edgeplan_edge_pool.cpp) ---
void read_edge_pool(const XmlSource& source, pugi::xml_node node, const std::string& site_id,
                    std::size_t pool_index, Model& model, std::vector<Reference>& references);
// <External>: FQDNs and ports. `fqdn_required` is false in settings, which override parts.
void read_external(const XmlSource& source, pugi::xml_node node, EdgePool& pool,
                   bool fqdn_required);
void read_internal_ports(const XmlSource& source, pugi::xml_node node, EdgePorts& ports);
HardwareVips read_hardware_load_balancer(const XmlSource& source, pugi::xml_node node);
CertificateSpec read_certificate(const XmlSource& source, pugi::xml_node node);
// One <Address>: service (access|webconf|av|all) with ip and/or public.
struct AddressEntry {
    std::optional<EdgeService> service;  // nullopt = all three (single IP)
    std::optional<std::string> ip;
    std::optional<std::string> public_ip;
    SourceLocation where;
};
AddressEntry read_address(const XmlSource& source, pugi::xml_node node);
ServiceAddress& service_address(EdgeMember& member, EdgeService service);
// Appends the entry's addresses to its service(s) on the member.
void add_address(EdgeMember& member, const AddressEntry& entry);

// --- federation and policies (edgeplan_federation.cpp) ---
// Attributes given override; each list kind present replaces that list (so a settings file
// can complete or replace what a topology stated).
void read_federation(const XmlSource& source, pugi::xml_node node, FederationSettings& into);
// `merge`: a policy with the same name is replaced instead of added (settings).
void read_policies(const XmlSource& source, pugi::xml_node node,
                   std::vector<ExternalAccessPolicy>& into, bool merge);
void read_media(const XmlSource& source, pugi::xml_node node, Model& model);

}  // namespace edgeplan::topology::edgeplan_format
