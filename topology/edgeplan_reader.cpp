// edgeplan's own topology format: root <Topology xmlns="urn:edgeplan:topology:1">
// (docs/topology-format.md, docs/schema/topology.xsd).
#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "topology/edgeplan_element.h"
#include "topology/edgeplan_reader.h"
#include "topology/edgeplan_sections.h"
#include "topology/input_error.h"
#include "topology/namespaces.h"
#include "topology/strings.h"

namespace edgeplan::topology {
namespace {

using edgeplan_format::Element;

// Internal and Edge pools share one id space: Lync keys both by pool FQDN, and a reader of the
// file should never have to guess which of two equal ids is meant.
void check_unique_pool_ids(const Model& model) {
    struct Entry {
        std::string id;
        SourceLocation where;
    };
    std::vector<Entry> entries;
    for (const InternalPool& pool : model.internal_pools) entries.push_back({pool.id, pool.where});
    for (const EdgePool& pool : model.edge_pools) entries.push_back({pool.id, pool.where});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    std::map<std::string, SourceLocation> seen;
    for (const Entry& entry : entries) {
        const auto [it, inserted] = seen.emplace(strings::lower(entry.id), entry.where);
        if (!inserted) {
            throw InputError(entry.where, "duplicate pool id '" + entry.id +
                                              "' (first defined at " + it->second.to_string() +
                                              ")");
        }
    }
}

void link_associated_pools(Model& model) {
    // Internal pool ids by the Edge pool they name, in model order: one pass over each list
    // instead of every internal pool per Edge pool (quadratic with thousands of pools).
    std::unordered_map<std::string, std::vector<std::string>> by_edge;
    for (const InternalPool& pool : model.internal_pools)
        by_edge[pool.edge_pool].push_back(pool.id);
    for (EdgePool& edge : model.edge_pools) {
        const auto found = by_edge.find(edge.id);
        if (found != by_edge.end()) edge.associated_pools = found->second;
    }
}

}  // namespace

Model read_edgeplan_topology(const XmlSource& source) {
    const pugi::xml_node root = source.root();
    if (namespace_of(root) != ns::edgeplan || local_name(root) != "Topology") {
        throw InputError(source.location_of(root),
                         "expected root element <Topology> in namespace " +
                             std::string(ns::edgeplan) + ", found <" + root.name() + ">");
    }
    const Element e(
        source, root, {"name"},
        {"SipDomains", "XmppDomains", "Sites", "Federation", "ExternalAccessPolicies", "Media"});
    Model model;
    model.format = TopologyFormat::edgeplan;
    model.source_file = source.path();
    model.where = e.where();
    edgeplan_format::read_sip_domains(source, e.required_child("SipDomains"), model, false);
    if (pugi::xml_node node = e.optional_child("XmppDomains")) {
        edgeplan_format::read_xmpp_domains(source, node, model);
    }
    std::vector<edgeplan_format::Reference> references;
    edgeplan_format::read_sites(source, e.required_child("Sites"), model, references);
    check_unique_pool_ids(model);
    edgeplan_format::resolve_references(references, model);
    link_associated_pools(model);
    if (pugi::xml_node node = e.optional_child("Federation")) {
        edgeplan_format::read_federation(source, node, model.federation);
    }
    if (pugi::xml_node node = e.optional_child("ExternalAccessPolicies")) {
        edgeplan_format::read_policies(source, node, model.policies, false);
    }
    if (pugi::xml_node node = e.optional_child("Media")) {
        edgeplan_format::read_media(source, node, model);
    }
    return model;
}

}  // namespace edgeplan::topology
