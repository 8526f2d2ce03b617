// SIP and XMPP domains, sites and internal pools of the edgeplan format.
#include <unordered_map>

#include "topology/edgeplan_element.h"
#include "topology/edgeplan_sections.h"
#include "topology/input_error.h"
#include "topology/strings.h"

namespace edgeplan::topology::edgeplan_format {
namespace {

SipDomain* find_sip_domain(Model& model, const std::string& name) {
    for (SipDomain& domain : model.sip_domains) {
        if (domain.name == name) return &domain;
    }
    return nullptr;
}

void read_server(const XmlSource& source, pugi::xml_node node, InternalPool& pool) {
    const Element e(source, node, {"fqdn", "ip"}, {"Ip"});
    Server server;
    server.fqdn = e.required_fqdn("fqdn");
    if (auto ip = e.ip("ip")) server.ips.push_back(*ip);
    for (pugi::xml_node child : e.children("Ip")) {
        server.ips.push_back(Element(source, child, {"address"}, {}).required_ip("address"));
    }
    server.where = e.where();
    pool.servers.push_back(std::move(server));
}

void read_front_end_pool(const XmlSource& source, pugi::xml_node node, const Site& site,
                         Model& model, std::vector<Reference>& references) {
    const Element e(source, node, {"id", "fqdn", "kind", "edgePool", "cms", "xmppGateway"},
                    {"Server"});
    InternalPool pool;
    pool.fqdn = e.required_fqdn("fqdn");
    pool.id = e.has("id") ? e.required_token("id") : pool.fqdn;
    pool.site_id = site.id;
    // DEFTOPO: the next hop is an Enterprise Edition pool, a Standard Edition server or a
    // Director pool.
    pool.kind =
        e.choice<InternalPoolKind>("kind", {{"enterprise", InternalPoolKind::front_end},
                                            {"standard", InternalPoolKind::standard_edition},
                                            {"director", InternalPoolKind::director}})
            .value_or(InternalPoolKind::front_end);
    pool.hosts_cms = e.boolean_or("cms", false);
    pool.hosts_xmpp_gateway = e.boolean_or("xmppGateway", false);
    pool.where = e.where();
    for (pugi::xml_node child : e.children("Server")) read_server(source, child, pool);
    const std::size_t index = model.internal_pools.size();
    if (auto edge = e.token("edgePool")) {
        references.push_back(
            {Reference::Target::edge_pool, "edgePool", *edge, e.where("edgePool"),
             [index](Model& m) -> std::string& { return m.internal_pools[index].edge_pool; }});
    }
    model.internal_pools.push_back(std::move(pool));
}

void read_branch_appliance(const XmlSource& source, pugi::xml_node node, const Site& site,
                           Model& model, std::vector<Reference>& references) {
    const Element e(source, node, {"fqdn", "edgePool", "usersHomed", "xmppPolicy"}, {});
    BranchAppliance branch;
    branch.fqdn = e.required_fqdn("fqdn");
    branch.site_id = site.id;
    branch.users_homed = e.boolean_or("usersHomed", true);
    branch.users_have_xmpp_policy = e.boolean_or("xmppPolicy", false);
    branch.where = e.where();
    const std::size_t index = model.branch_appliances.size();
    if (auto edge = e.token("edgePool")) {
        references.push_back(
            {Reference::Target::edge_pool, "edgePool", *edge, e.where("edgePool"),
             [index](Model& m) -> std::string& { return m.branch_appliances[index].edge_pool; }});
    }
    model.branch_appliances.push_back(std::move(branch));
}

void read_site(const XmlSource& source, pugi::xml_node node, Model& model,
               std::vector<Reference>& references) {
    const Element e(source, node, {"id", "name", "federationRoute", "xmppRoute"},
                    {"FrontEndPool", "BranchAppliance", "EdgePool"});
    Site site;
    site.id = e.required_token("id");
    site.name = e.text("name").value_or("");
    site.where = e.where();
    for (const Site& other : model.sites) {
        if (strings::iequals(other.id, site.id)) {
            e.fail_at("id", "duplicate site id '" + site.id + "' (first defined at " +
                                other.where.to_string() + ")");
        }
    }
    const std::size_t index = model.sites.size();
    // FED-01 / XMPP-04: the site names the Edge pool that carries its federation traffic.
    if (auto route = e.token("federationRoute")) {
        references.push_back(
            {Reference::Target::edge_pool, "federationRoute", *route, e.where("federationRoute"),
             [index](Model& m) -> std::string& { return m.sites[index].federation_route; }});
    }
    if (auto route = e.token("xmppRoute")) {
        references.push_back(
            {Reference::Target::edge_pool, "xmppRoute", *route, e.where("xmppRoute"),
             [index](Model& m) -> std::string& { return m.sites[index].xmpp_federation_route; }});
    }
    model.sites.push_back(site);
    for (pugi::xml_node child : e.children("FrontEndPool")) {
        read_front_end_pool(source, child, site, model, references);
    }
    for (pugi::xml_node child : e.children("BranchAppliance")) {
        read_branch_appliance(source, child, site, model, references);
    }
    for (pugi::xml_node child : e.children("EdgePool")) {
        read_edge_pool(source, child, site.id, model.edge_pools.size(), model, references);
    }
}

}  // namespace

void read_sip_domains(const XmlSource& source, pugi::xml_node node, Model& model, bool merge) {
    const Element list(source, node, {}, {"SipDomain"});
    const std::vector<pugi::xml_node> children = list.children("SipDomain");
    if (children.empty() && !merge) list.fail("<SipDomains> holds no <SipDomain>");
    for (pugi::xml_node child : children) {
        const Element e(source, child, {"name", "default", "mobilePush", "autoConfig"}, {});
        const std::string name = e.required_fqdn("name");
        SipDomain* domain = merge ? find_sip_domain(model, name) : nullptr;
        if (!domain) {
            model.sip_domains.push_back(SipDomain{});
            domain = &model.sip_domains.back();
            domain->name = name;
        }
        domain->where = e.where();
        if (auto is_default = e.boolean("default")) {
            if (*is_default) {
                for (SipDomain& other : model.sip_domains) {
                    if (&other == domain || !other.is_default) continue;
                    // Within one file two defaults are a contradiction; a settings file moves it.
                    if (!merge) {
                        e.fail_at("default", "more than one default SIP domain ('" + other.name +
                                                 "' and '" + name + "')");
                    }
                    other.is_default = false;
                }
            }
            domain->is_default = *is_default;
        }
        if (auto push = e.boolean("mobilePush")) domain->mobile_push = push;
        if (auto autoconfig = e.boolean("autoConfig")) domain->dns_autoconfiguration = *autoconfig;
    }
}

void read_xmpp_domains(const XmlSource& source, pugi::xml_node node, Model& model) {
    const Element list(source, node, {}, {"XmppDomain"});
    for (pugi::xml_node child : list.children("XmppDomain")) {
        const Element e(source, child, {"name"}, {});
        XmppDomain domain{e.required_fqdn("name"), e.where()};
        bool known = false;
        for (const XmppDomain& other : model.xmpp_domains)
            known = known || other.name == domain.name;
        if (!known) model.xmpp_domains.push_back(std::move(domain));
    }
}

void read_sites(const XmlSource& source, pugi::xml_node node, Model& model,
                std::vector<Reference>& references) {
    const Element list(source, node, {}, {"Site"});
    const std::vector<pugi::xml_node> children = list.children("Site");
    if (children.empty()) list.fail("<Sites> holds no <Site>");
    for (pugi::xml_node child : children) read_site(source, child, model, references);
}

void resolve_references(const std::vector<Reference>& references, Model& model) {
    // Pool ids by lower-case id, built once: a scan of every pool per reference was quadratic
    // with thousands of pools. When two pools share an id the later one wins, as before.
    std::unordered_map<std::string, const std::string*> edge_ids;
    for (const EdgePool& pool : model.edge_pools) edge_ids[strings::lower(pool.id)] = &pool.id;
    std::unordered_map<std::string, const std::string*> internal_ids;
    for (const InternalPool& pool : model.internal_pools) {
        internal_ids[strings::lower(pool.id)] = &pool.id;
    }
    for (const Reference& reference : references) {
        const auto& ids =
            reference.target == Reference::Target::edge_pool ? edge_ids : internal_ids;
        const auto found = ids.find(strings::lower(reference.value));
        const std::string* target = found == ids.end() ? nullptr : found->second;
        if (!target) {
            throw InputError(reference.where, reference.attribute + " '" + reference.value +
                                                  "' does not name " +
                                                  (reference.target == Reference::Target::edge_pool
                                                       ? "an <EdgePool> id"
                                                       : "an internal pool (<FrontEndPool> id)") +
                                                  " in this topology");
        }
        reference.field(model) = *target;
    }
}

}  // namespace edgeplan::topology::edgeplan_format
