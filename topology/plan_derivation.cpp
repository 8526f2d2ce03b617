#include "topology/plan_derivation.h"

#include <algorithm>

#include "topology/ip_address.h"
#include "topology/subjects.h"

namespace edgeplan::topology::plan_detail {

const char* service_label(EdgeService service) {
    switch (service) {
        case EdgeService::access:
            return "Access Edge";
        case EdgeService::webconf:
            return "Web Conferencing Edge";
        case EdgeService::av:
            return "A/V Edge";
    }
    return "Edge";
}

const ExternalServiceSettings& service_settings(const EdgePool& pool, EdgeService service) {
    switch (service) {
        case EdgeService::webconf:
            return pool.webconf;
        case EdgeService::av:
            return pool.av;
        case EdgeService::access:
            break;
    }
    return pool.access;
}

namespace {

const ServiceAddress& member_service(const EdgeMember& member, EdgeService service) {
    switch (service) {
        case EdgeService::webconf:
            return member.webconf;
        case EdgeService::av:
            return member.av;
        case EdgeService::access:
            break;
    }
    return member.access;
}

const std::vector<std::string>* vip_list(const EdgePool& pool, EdgeService service) {
    if (!pool.vips) return nullptr;
    switch (service) {
        case EdgeService::webconf:
            return &pool.vips->webconf;
        case EdgeService::av:
            return &pool.vips->av;
        case EdgeService::access:
            break;
    }
    return &pool.vips->access;
}

// One member's addresses for a service. On "single FQDN and IP" pools the Access Edge address
// carries all three services on distinct ports (DEFTOPO), so it stands for every service: a
// partial override (<Address service="access" public=...> alone) must not publish the old and
// the new address side by side. NET-11 reports such a member.
const std::vector<std::string>& member_list(const EdgePool& pool, const EdgeMember& member,
                                            EdgeService service, bool public_side) {
    const ServiceAddress& own = pool.single_ip ? member.access : member_service(member, service);
    return public_side ? own.public_ips : own.ips;
}

void add_usable(UniqueList& out, const std::vector<std::string>& in) {
    for (const std::string& text : in) {
        const std::string address = usable_address(text);
        if (!address.empty()) out.add(address);
    }
}

}  // namespace

std::string usable_address(const std::string& text) {
    const std::optional<IpAddress> ip = parse_ip(text);
    if (!ip || scope_of(*ip) == AddressScope::unspecified) return {};
    return ip->text;
}

bool is_ipv6(const std::string& address) {
    const std::optional<IpAddress> ip = parse_ip(address);
    return ip && ip->family == IpFamily::v6;
}

std::vector<std::string> interface_addresses(const EdgePool& pool, EdgeService service) {
    if (pool.load_balancing == LoadBalancing::hardware) {
        UniqueList out;
        if (const std::vector<std::string>* vips = vip_list(pool, service)) add_usable(out, *vips);
        return out.take();
    }
    return member_interface_addresses(pool, service);
}

std::vector<std::string> member_interface_addresses(const EdgePool& pool, EdgeService service) {
    UniqueList out;
    for (const EdgeMember& member : pool.members) {
        add_usable(out, member_list(pool, member, service, false));
    }
    return out.take();
}

std::vector<std::string> published_addresses(const EdgePool& pool, EdgeService service,
                                             const std::string& rule,
                                             std::vector<Unknown>* unknowns) {
    UniqueList out;
    const std::string label = service_label(service);
    if (pool.load_balancing == LoadBalancing::hardware) {
        const std::vector<std::string>* vips = vip_list(pool, service);
        if (vips) add_usable(out, *vips);
        if (out.values().empty() && unknowns) {
            unknowns->push_back(
                {"VIP of the " + label + " on the hardware load balancer of " + pool.id, rule,
                 pool_subject(pool), pool.vips ? pool.vips->where : pool.where});
        }
        return out.take();
    }
    for (std::size_t i = 0; i < pool.members.size(); ++i) {
        const EdgeMember& member = pool.members[i];
        const std::vector<std::string>& list = member_list(pool, member, service, pool.nat);
        UniqueList usable;
        add_usable(usable, list);
        if ((usable.values().empty() || usable.values().size() != list.size()) && unknowns) {
            const std::string kind = pool.nat ? "NAT public address" : "external address";
            unknowns->push_back(
                {kind + " of the " + label + " on " +
                     (member.internal_fqdn.empty() ? pool.id : member.internal_fqdn),
                 rule, member_subject(pool, member, i), member_service(member, service).where});
        }
        for (const std::string& address : usable.values()) out.add(address);
    }
    if (pool.members.empty() && unknowns) {
        unknowns->push_back(
            {"members of Edge pool " + pool.id, rule, pool_subject(pool), pool.where});
    }
    return out.take();
}

std::vector<std::string> member_internal_addresses(const EdgePool& pool) {
    UniqueList out;
    for (const EdgeMember& member : pool.members) add_usable(out, member.internal_ips);
    return out.take();
}

std::vector<std::string> internal_vip_addresses(const EdgePool& pool) {
    UniqueList out;
    if (pool.vips) add_usable(out, pool.vips->internal);
    return out.take();
}

const EdgePool* federation_route_pool(const Model& model) {
    for (const Site& site : model.sites) {
        if (site.federation_route.empty()) continue;
        if (const EdgePool* pool = model.find_edge_pool(site.federation_route)) return pool;
    }
    for (const EdgePool& pool : model.edge_pools) {
        if (pool.federation) return &pool;
    }
    return nullptr;
}

const EdgePool* xmpp_route_pool(const Model& model) {
    for (const Site& site : model.sites) {
        if (site.xmpp_federation_route.empty()) continue;
        if (const EdgePool* pool = model.find_edge_pool(site.xmpp_federation_route)) return pool;
    }
    for (const EdgePool& pool : model.edge_pools) {
        if (pool.xmpp) return &pool;
    }
    return nullptr;
}

const EdgePool* access_pool(const Model& model) {
    if (const EdgePool* route = federation_route_pool(model)) return route;
    return model.edge_pools.empty() ? nullptr : &model.edge_pools.front();
}

bool federation_allowed(const Model& model) { return model.federation.enabled != false; }

bool sip_federation_on_pool(const Model& model, const EdgePool& pool) {
    // Federation, public IM and push all leave through the federation route (FED-01,
    // PUSH-04); push and PIC need AllowFederatedUsers too (FED-02, PUSH-03).
    if (!federation_allowed(model)) return false;
    return pool.federation || federation_route_pool(model) == &pool;
}

bool public_provider_enabled(const Model& model, PublicProviderKind kind) {
    return std::any_of(model.federation.public_providers.begin(),
                       model.federation.public_providers.end(),
                       [&](const PublicProvider& p) { return p.enabled && p.kind == kind; });
}

bool partner_version_present(const Model& model, PartnerVersion version) {
    return std::any_of(model.federation.allowed.begin(), model.federation.allowed.end(),
                       [&](const AllowedDomain& d) { return d.version == version; });
}

std::string pool_subject(const EdgePool& pool) { return subjects::pool_subject(pool.id); }

std::string member_subject(const EdgePool& pool, const EdgeMember& member, std::size_t index) {
    if (!member.internal_fqdn.empty()) return subjects::member_subject(member.internal_fqdn);
    return subjects::member_subject(pool.id, index + 1);
}

void append_unique(std::vector<std::string>& values, const std::string& value) {
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

}  // namespace edgeplan::topology::plan_detail
