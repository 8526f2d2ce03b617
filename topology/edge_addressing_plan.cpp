// derive_addressing: the Plan's edge_pools (topology/edge_addressing.h), one per Edge pool in
// model order. Addresses go through the same filter as the DNS and firewall parts
// (usable_address), so the diagram shows exactly the addresses the rules use.
#include "topology/plan_derivation.h"

namespace edgeplan::topology::plan_detail {
namespace {

std::vector<std::string> usable(const std::vector<std::string>& in) {
    UniqueList out;
    for (const std::string& text : in) {
        const std::string address = usable_address(text);
        if (!address.empty()) out.add(address);
    }
    return out.take();
}

ServiceAddressing service(const EdgePool& pool, const ServiceAddress& own,
                          const ServiceAddress& access) {
    // "Single FQDN and IP": the Access Edge address carries all three services (DEFTOPO), as
    // published_addresses uses it.
    const ServiceAddress& used = pool.single_ip ? access : own;
    return {usable(used.ips), pool.nat ? usable(used.public_ips) : std::vector<std::string>{}};
}

}  // namespace

void derive_addressing(const Model& model, Plan& plan) {
    for (const EdgePool& pool : model.edge_pools) {
        EdgePoolAddressing a;
        a.pool_id = pool.id;
        a.fqdn = pool.internal_fqdn;
        for (const Site& site : model.sites) {
            if (site.id == pool.site_id) a.site = site.name.empty() ? site.id : site.name;
        }
        a.load_balancing = pool.load_balancing;
        a.nat = pool.nat;
        a.single_ip = pool.single_ip;
        a.access_fqdn = pool.access.fqdn;
        a.webconf_fqdn = pool.webconf.fqdn;
        a.av_fqdn = pool.av.fqdn;
        for (const EdgeMember& m : pool.members) {
            a.members.push_back(
                {m.internal_fqdn, usable(m.internal_ips), service(pool, m.access, m.access),
                 service(pool, m.webconf, m.access), service(pool, m.av, m.access), m.where});
        }
        if (pool.load_balancing == LoadBalancing::hardware && pool.vips) {
            a.access_vips = usable(pool.vips->access);
            a.webconf_vips = usable(pool.vips->webconf);
            a.av_vips = usable(pool.vips->av);
            a.internal_vips = usable(pool.vips->internal);
        }
        if (const InternalPool* next = model.find_internal_pool(pool.next_hop)) {
            a.next_hop_fqdn = next->fqdn;
            a.next_hop_kind = to_string(next->kind);
            for (const Server& s : next->servers) {
                a.next_hop_servers.push_back({s.fqdn, usable(s.ips), s.where});
            }
        }
        a.where = pool.where;
        plan.edge_pools.push_back(std::move(a));
    }
}

}  // namespace edgeplan::topology::plan_detail
