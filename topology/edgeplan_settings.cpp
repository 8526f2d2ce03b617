// A --settings file: root <Settings xmlns="urn:edgeplan:topology:1">. It completes what a Lync
// export cannot carry (federation policy, access policies, media encryption, public NAT
// addresses) and overrides Edge pool properties (docs/topology-format.md, "Settings").
#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "topology/edgeplan_element.h"
#include "topology/edgeplan_reader.h"
#include "topology/edgeplan_sections.h"
#include "topology/input_error.h"
#include "topology/namespaces.h"
#include "topology/strings.h"

namespace edgeplan::topology {
namespace {

using edgeplan_format::Element;

EdgePool& find_pool(const Element& e, Model& model) {
    const std::string ref = e.required_token("ref");
    for (EdgePool& pool : model.edge_pools) {
        if (strings::iequals(pool.id, ref)) return pool;
    }
    for (EdgePool& pool : model.edge_pools) {
        if (strings::iequals(pool.internal_fqdn, ref)) return pool;
    }
    std::string known;
    for (const EdgePool& pool : model.edge_pools) known += (known.empty() ? "" : ", ") + pool.id;
    e.fail_at("ref", "ref '" + ref + "' names no Edge pool of the topology (known: " +
                         (known.empty() ? std::string("none") : known) + ")");
}

// Addresses in settings replace the topology's addresses of the services they name: the first
// ip (or public) for a service clears that list, later ones add to it.
void override_member(const XmlSource& source, pugi::xml_node node, EdgePool& pool) {
    const Element e(source, node, {"ref"}, {"Address"});
    const std::string ref = e.required_token("ref");
    EdgeMember* member = nullptr;
    for (EdgeMember& m : pool.members) {
        if (!member && strings::iequals(m.internal_fqdn, ref)) member = &m;
    }
    if (!member) {
        e.fail_at("ref", "ref '" + ref + "' names no member of Edge pool '" + pool.id + "'");
    }
    std::set<std::pair<EdgeService, bool>> cleared;  // (service, public?)
    for (pugi::xml_node child : e.children("Address")) {
        const edgeplan_format::AddressEntry entry = edgeplan_format::read_address(source, child);
        for (EdgeService service : {EdgeService::access, EdgeService::webconf, EdgeService::av}) {
            if (entry.service && *entry.service != service) continue;
            ServiceAddress& address = edgeplan_format::service_address(*member, service);
            if (entry.ip && cleared.insert({service, false}).second) address.ips.clear();
            if (entry.public_ip && cleared.insert({service, true}).second) {
                address.public_ips.clear();
            }
            if (entry.ip) address.ips.push_back(*entry.ip);
            if (entry.public_ip) address.public_ips.push_back(*entry.public_ip);
            address.where = entry.where;
        }
    }
}

// <Certificate use="..." serverEku/clientEku/exportableKey> and nothing that names a
// certificate (subject, SANs, file, thumbprint, usages).
bool states_key_facts_only(const CertificateSpec& cert) {
    return !cert.subject && cert.sans.empty() && cert.file.empty() && cert.thumbprint.empty() &&
           cert.usages.empty();
}

// Adds the stated EKUs and key exportability to the pool's certificates of that use; false when
// the pool has none (then the element is a certificate of its own, as before).
bool complete_key_facts(const CertificateSpec& facts, EdgePool& pool) {
    bool completed = false;
    for (CertificateSpec& cert : pool.certificates) {
        if (cert.use != facts.use) continue;
        if (facts.server_eku) cert.server_eku = facts.server_eku;
        if (facts.client_eku) cert.client_eku = facts.client_eku;
        if (facts.exportable_key) cert.exportable_key = facts.exportable_key;
        cert.store_where = facts.where;
        completed = true;
    }
    return completed;
}

void override_edge_pool(const XmlSource& source, pugi::xml_node node, Model& model) {
    const Element e(source, node, {"ref", "loadBalancing", "nat", "federation", "xmpp", "nextHop"},
                    {"External", "Internal", "HardwareLoadBalancer", "Certificate", "Member"});
    EdgePool& pool = find_pool(e, model);
    if (auto lb =
            e.choice<LoadBalancing>("loadBalancing", {{"single", LoadBalancing::single},
                                                      {"dns", LoadBalancing::dns},
                                                      {"hardware", LoadBalancing::hardware}})) {
        pool.load_balancing = *lb;
    }
    if (auto v = e.boolean("nat")) pool.nat = *v;
    if (auto v = e.boolean("federation")) pool.federation = *v;
    if (auto v = e.boolean("xmpp")) pool.xmpp = *v;
    if (auto next_hop = e.token("nextHop")) {
        const InternalPool* target = nullptr;
        for (const InternalPool& p : model.internal_pools) {
            if (!target && strings::iequals(p.id, *next_hop)) target = &p;
        }
        if (!target) {
            e.fail_at("nextHop",
                      "nextHop '" + *next_hop + "' does not name an internal pool of the topology");
        }
        pool.next_hop = target->id;
    }
    if (pugi::xml_node child = e.optional_child("External")) {
        edgeplan_format::read_external(source, child, pool, false);
    }
    if (pugi::xml_node child = e.optional_child("Internal")) {
        edgeplan_format::read_internal_ports(source, child, pool.ports);
    }
    if (pugi::xml_node child = e.optional_child("HardwareLoadBalancer")) {
        pool.vips = edgeplan_format::read_hardware_load_balancer(source, child);
    }
    // A certificate replaces the topology's certificates of the same use; one that states only
    // its EKUs and key exportability completes them (the unknown findings' snippet), so an admin
    // does not have to restate subject and SANs to add what no export of the topology carries.
    std::set<CertificateUse> replaced;
    for (pugi::xml_node child : e.children("Certificate")) {
        CertificateSpec cert = edgeplan_format::read_certificate(source, child);
        if (states_key_facts_only(cert) && complete_key_facts(cert, pool)) continue;
        if (replaced.insert(cert.use).second) {
            auto& certs = pool.certificates;
            certs.erase(std::remove_if(certs.begin(), certs.end(),
                                       [&](const CertificateSpec& c) { return c.use == cert.use; }),
                        certs.end());
        }
        pool.certificates.push_back(std::move(cert));
    }
    for (pugi::xml_node child : e.children("Member")) override_member(source, child, pool);
}

// Site routes are topology site properties (Set-CsSite -FederationRoute / -XmppFederationRoute)
// that no known export element carries (topology-xml.md 8.3), so settings state them.
void override_site(const XmlSource& source, pugi::xml_node node, Model& model) {
    const Element e(source, node, {"ref", "federationRoute", "xmppRoute"}, {});
    const std::string ref = e.required_token("ref");
    Site* site = nullptr;
    for (Site& s : model.sites) {
        if (!site && (strings::iequals(s.id, ref) || strings::iequals(s.name, ref))) {
            site = &s;
        }
    }
    if (!site) e.fail_at("ref", "ref '" + ref + "' names no site of the topology");
    auto edge_pool_id = [&](const char* attribute) -> std::optional<std::string> {
        const auto value = e.token(attribute);
        if (!value) return std::nullopt;
        for (const EdgePool& pool : model.edge_pools) {
            if (strings::iequals(pool.id, *value) || strings::iequals(pool.internal_fqdn, *value)) {
                return pool.id;
            }
        }
        e.fail_at(attribute, std::string(attribute) + " '" + *value +
                                 "' does not name an Edge pool of the topology");
    };
    if (auto id = edge_pool_id("federationRoute")) site->federation_route = *id;
    if (auto id = edge_pool_id("xmppRoute")) site->xmpp_federation_route = *id;
}

}  // namespace

void apply_settings(const XmlSource& settings, Model& model) {
    const pugi::xml_node root = settings.root();
    if (namespace_of(root) != ns::edgeplan || local_name(root) != "Settings") {
        throw InputError(settings.location_of(root),
                         "expected root element <Settings> in namespace " +
                             std::string(ns::edgeplan) + ", found <" + root.name() + ">");
    }
    const Element e(settings, root, {"name", "serviceVersion"},
                    {"SipDomains", "XmppDomains", "Federation", "ExternalAccessPolicies", "Media",
                     "Site", "EdgePool"});
    // The release, as a published topology states it (Service/@ServiceVersion: 6 Lync Server
    // 2013, 7 Skype for Business Server 2015, 8 2019), for an edgeplan-format topology or an
    // export without it (TOPO-14).
    if (const std::optional<std::string> version = e.token("serviceVersion")) {
        const bool digits = version->size() <= 3 &&
                            std::all_of(version->begin(), version->end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
        if (!digits) {
            e.fail_at("serviceVersion",
                      "attribute 'serviceVersion' must be the topology's "
                      "ServiceVersion number (6, 7 or 8); got '" +
                          *version + "'");
        }
        model.service_version = *version;
        model.service_version_where = e.where("serviceVersion");
    }
    if (pugi::xml_node node = e.optional_child("SipDomains")) {
        edgeplan_format::read_sip_domains(settings, node, model, true);
    }
    if (pugi::xml_node node = e.optional_child("XmppDomains")) {
        edgeplan_format::read_xmpp_domains(settings, node, model);
    }
    if (pugi::xml_node node = e.optional_child("Federation")) {
        edgeplan_format::read_federation(settings, node, model.federation);
    }
    if (pugi::xml_node node = e.optional_child("ExternalAccessPolicies")) {
        edgeplan_format::read_policies(settings, node, model.policies, true);
    }
    if (pugi::xml_node node = e.optional_child("Media")) {
        edgeplan_format::read_media(settings, node, model);
    }
    for (pugi::xml_node node : e.children("Site")) override_site(settings, node, model);
    for (pugi::xml_node node : e.children("EdgePool")) override_edge_pool(settings, node, model);
}

}  // namespace edgeplan::topology
