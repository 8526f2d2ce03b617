// DNS part of the plan: the records of catalogue section 3 (tables T3-A..T3-C, DNS-* rules).
//
// Zones: a record for sip.<D>, _sip._tls.<D>, _sipfederationtls._tcp.<D>, xmpp.<D> or
// _xmpp-server._tcp.<D> goes into the zone of its SIP/XMPP domain D. An Edge service or
// internal FQDN goes into the longest SIP/XMPP domain it ends with, else into the FQDN minus its
// first label (webcon.contoso.com -> contoso.com, lsedge.contoso.net -> contoso.net). That is a
// registrable parent most administrators already host; a delegated child zone would need a
// different choice, which the exporter output makes easy to see.
#include <algorithm>
#include <cctype>

#include "topology/plan_derivation.h"
#include "topology/strings.h"

namespace edgeplan::topology::plan_detail {
namespace {

using strings::lower;

bool ends_with_domain(const std::string& name, const std::string& domain) {
    if (name == domain) return true;
    return name.size() > domain.size() &&
           name.compare(name.size() - domain.size(), domain.size(), domain) == 0 &&
           name[name.size() - domain.size() - 1] == '.';
}

std::string parent_of(const std::string& fqdn) {
    const std::size_t dot = fqdn.find('.');
    return dot == std::string::npos ? fqdn : fqdn.substr(dot + 1);
}

std::string external_zone(const Model& model, const std::string& fqdn) {
    std::string best;
    auto consider = [&](const std::string& domain) {
        const std::string d = lower(domain);
        if (!d.empty() && ends_with_domain(fqdn, d) && d.size() > best.size()) best = d;
    };
    for (const SipDomain& d : model.sip_domains) consider(d.name);
    for (const XmppDomain& d : model.xmpp_domains) consider(d.name);
    return best.empty() ? parent_of(fqdn) : best;
}

class DnsBuilder {
  public:
    DnsBuilder(const Model& model, Plan& plan) : model_(model), plan_(plan) {}

    void run() {
        for (const EdgePool& pool : model_.edge_pools) {
            external_service_records(pool);
            internal_records(pool);
        }
        sip_domain_records();
        xmpp_domain_records();
    }

  private:
    void address_records(DnsZoneKind kind, const std::string& zone, const std::string& name,
                         const std::vector<std::string>& addresses, const std::string& purpose,
                         DnsRole role, const std::string& pool_id, const SourceLocation& where,
                         const std::string& gap = {}) {
        if (addresses.empty() && !gap.empty()) {
            // Nothing to publish: the zone export shows the record it cannot write, and why.
            DnsRecord r;
            r.zone_kind = kind;
            r.zone = zone;
            r.name = name;
            r.purpose = purpose;
            r.role = role;
            r.rule = catalogue_id(role);
            r.pool_id = pool_id;
            r.where = where;
            r.unknown = gap;
            plan_.withheld_dns.push_back(std::move(r));
            return;
        }
        for (const std::string& address : addresses) {
            DnsRecord r;
            r.zone_kind = kind;
            r.zone = zone;
            r.name = name;
            // IPv6 addresses get AAAA records (DNS-A-EXT-05, DNS-INT-01).
            r.type = is_ipv6(address) ? DnsRecordType::aaaa : DnsRecordType::a;
            r.value = address;
            r.purpose = purpose;
            r.role = role;
            r.rule = catalogue_id(role);
            r.pool_id = pool_id;
            r.where = where;
            r.unknown = gap;
            plan_.dns.push_back(std::move(r));
        }
    }

    // The facts published_addresses could not find, as one line for a record's `unknown`.
    static std::string gap_text(const std::vector<Unknown>& gaps, std::size_t from = 0) {
        std::string out;
        for (std::size_t i = from; i < gaps.size(); ++i) {
            out += (out.empty() ? "" : "; ") + gaps[i].what + " is unknown";
        }
        return out;
    }

    void srv_record(const std::string& zone, const std::string& name, const std::string& target,
                    int port, const std::string& purpose, DnsRole role, const std::string& pool_id,
                    const SourceLocation& where) {
        // DNS-SRV-GEN-01: the target lives in the SRV's own domain; priority and weight 0
        // (DNS-SRV-GEN-02, the docs give no values).
        DnsRecord r;
        r.zone_kind = DnsZoneKind::external;
        r.zone = zone;
        r.name = name;
        r.type = DnsRecordType::srv;
        r.value = target;
        r.port = port;
        r.purpose = purpose;
        r.role = role;
        r.rule = catalogue_id(role);
        r.pool_id = pool_id;
        r.where = where;
        plan_.dns.push_back(std::move(r));
    }

    void unknown(const std::string& what, DnsRole role, const std::string& subject,
                 const SourceLocation& where) {
        plan_.unknowns.push_back({what, catalogue_id(role), subject, where});
    }

    // DNS-A-EXT-01..03, DNS-LB-01 (one per member), DNS-LB-03 (the VIP), DNS-A-EXT-04 (NAT).
    void external_service_records(const EdgePool& pool) {
        static const struct {
            EdgeService service;
            DnsRole role;
        } services[] = {{EdgeService::access, DnsRole::access_edge},
                        {EdgeService::webconf, DnsRole::webconf_edge},
                        {EdgeService::av, DnsRole::av_edge}};
        for (const auto& s : services) {
            const ExternalServiceSettings& settings = service_settings(pool, s.service);
            const std::string label = service_label(s.service);
            DnsRole gap_role = s.role;  // labels the unknown addresses
            if (pool.load_balancing == LoadBalancing::hardware) {
                gap_role = DnsRole::hlb_vip;
            } else if (pool.nat) {
                gap_role = DnsRole::nat_public;
            }
            const std::size_t known_gaps = plan_.unknowns.size();
            const std::vector<std::string> addresses =
                published_addresses(pool, s.service, catalogue_id(gap_role), &plan_.unknowns);
            const std::string gap = gap_text(plan_.unknowns, known_gaps);
            const std::string fqdn = lower(settings.fqdn);
            if (fqdn.empty()) {
                unknown("external FQDN of the " + label + " of Edge pool " + pool.id, s.role,
                        pool_subject(pool), settings.where);
                continue;
            }
            address_records(DnsZoneKind::external, external_zone(model_, fqdn), fqdn, addresses,
                            label + " external interface of " + pool.id, s.role, pool.id,
                            settings.where, gap);
        }
    }

    // DNS-INT-01 (each member), DNS-LB-02 (pool FQDN per member), DNS-LB-03 (internal VIP).
    void internal_records(const EdgePool& pool) {
        const bool hlb = pool.load_balancing == LoadBalancing::hardware;
        std::string pool_name = lower(pool.internal_fqdn);
        if (hlb && pool.vips && !pool.vips->internal_fqdn.empty()) {
            pool_name = lower(pool.vips->internal_fqdn);
        }
        const std::vector<std::string> pool_addresses =
            hlb ? internal_vip_addresses(pool) : member_internal_addresses(pool);
        const DnsRole pool_rule = hlb ? DnsRole::hlb_vip
                                  : pool.load_balancing == LoadBalancing::dns
                                      ? DnsRole::dns_lb_pool
                                      : DnsRole::edge_internal;
        if (pool_name.empty()) {
            unknown("internal FQDN of Edge pool " + pool.id, pool_rule, pool_subject(pool),
                    pool.where);
        } else if (pool_addresses.empty()) {
            const std::string what = std::string(hlb ? "internal VIP" : "internal addresses") +
                                     " of Edge pool " + pool.id;
            unknown(what, pool_rule, pool_subject(pool), pool.vips ? pool.vips->where : pool.where);
            address_records(DnsZoneKind::internal, parent_of(pool_name), pool_name, {},
                            "Edge internal interface of pool " + pool.id, pool_rule, pool.id,
                            pool.where, what + " is unknown");
        } else {
            address_records(DnsZoneKind::internal, parent_of(pool_name), pool_name, pool_addresses,
                            "Edge internal interface of pool " + pool.id, pool_rule, pool.id,
                            pool.where);
        }
        for (std::size_t i = 0; i < pool.members.size(); ++i) {
            const EdgeMember& member = pool.members[i];
            std::vector<std::string> addresses;
            for (const std::string& ip : member.internal_ips) {
                const std::string usable = usable_address(ip);
                if (!usable.empty()) append_unique(addresses, usable);
            }
            const std::string name = lower(member.internal_fqdn);
            if (name.empty()) {
                unknown("internal FQDN of a member of Edge pool " + pool.id, DnsRole::edge_internal,
                        member_subject(pool, member, i), member.where);
                continue;
            }
            std::string gap;
            if (addresses.empty() || addresses.size() != member.internal_ips.size()) {
                unknown("internal address of " + name, DnsRole::edge_internal,
                        member_subject(pool, member, i), member.where);
                gap = "internal address of " + name + " is unknown";
            }
            address_records(DnsZoneKind::internal, parent_of(name), name, addresses,
                            "Edge internal interface of " + name, DnsRole::edge_internal, pool.id,
                            member.where, gap);
        }
    }

    // Per SIP domain: A sip.D, _sip._tls and _sipfederationtls SRVs (T3-A, T3-C).
    void sip_domain_records() {
        const EdgePool* pool = access_pool(model_);
        if (!pool) return;
        const EdgePool* route = federation_route_pool(model_);
        const bool federation = route && sip_federation_on_pool(model_, *route);
        // Address gaps were reported with the pool's own Access Edge records already; here they
        // only mark the records resting on them.
        std::vector<Unknown> gaps;
        const std::vector<std::string> access = published_addresses(
            *pool, EdgeService::access, catalogue_id(DnsRole::access_edge), &gaps);
        for (const SipDomain& domain : model_.sip_domains) {
            const std::string d = lower(domain.name);
            if (d.empty()) continue;
            const std::string sip = "sip." + d;
            address_records(DnsZoneKind::external, d, sip, access,
                            "Access Edge for SIP domain " + d + " (SRV target, client fallback)",
                            DnsRole::access_edge, pool->id, domain.where, gap_text(gaps));
            if (domain.dns_autoconfiguration) {
                srv_record(d, "_sip._tls." + d, sip, pool->ports.access_client,
                           "external client automatic configuration for " + d, DnsRole::client_srv,
                           pool->id, domain.where);
            }
            if (!federation) continue;
            // the SRV is required for discoverable federation and for push; with
            // discovery unknown the plan does not guess (DNS-SRV-FED-01/-02, PUSH-01).
            const bool push = domain.mobile_push == true;
            const std::optional<bool> discovery = model_.federation.partner_discovery;
            if (discovery == true || push) {
                srv_record(d, "_sipfederationtls._tcp." + d, sip, route->ports.access_federation,
                           push && discovery != true ? "push notification clearing house for " + d
                                                     : "federation partners discover " + d,
                           push && discovery != true ? DnsRole::push_srv : DnsRole::federation_srv,
                           route->id, domain.where);
            } else if (!discovery) {
                DnsRecord r;
                r.zone = d;
                r.name = "_sipfederationtls._tcp." + d;
                r.type = DnsRecordType::srv;
                r.value = sip;
                r.port = route->ports.access_federation;
                r.purpose = "federation partners discover " + d;
                r.role = DnsRole::federation_srv;
                r.rule = catalogue_id(r.role);
                r.pool_id = route->id;
                r.where = domain.where;
                r.unknown =
                    "whether partner domain discovery is enabled is not stated "
                    "(EnablePartnerDiscovery); publish this SRV when it is";
                plan_.withheld_dns.push_back(std::move(r));
                unknown(
                    "whether partner domain discovery is enabled (decides the "
                    "_sipfederationtls SRV of " +
                        d + ")",
                    DnsRole::federation_srv, "dns:_sipfederationtls._tcp." + d + "/SRV",
                    model_.federation.where);
            }
        }
    }

    // T3-B: _xmpp-server SRV and xmpp.<D> A per XMPP domain on the XMPP route pool.
    void xmpp_domain_records() {
        const EdgePool* pool = xmpp_route_pool(model_);
        if (!pool || !pool->xmpp || !federation_allowed(model_)) return;
        if (model_.xmpp_domains.empty()) {
            unknown("XMPP domains served by Edge pool " + pool->id, DnsRole::xmpp_srv,
                    pool_subject(*pool), pool->where);
            return;
        }
        std::vector<Unknown> gaps;
        const std::vector<std::string> access = published_addresses(
            *pool, EdgeService::access, catalogue_id(DnsRole::xmpp_proxy), &gaps);
        for (const XmppDomain& domain : model_.xmpp_domains) {
            const std::string d = lower(domain.name);
            if (d.empty()) continue;
            const std::string target = "xmpp." + d;
            srv_record(d, "_xmpp-server._tcp." + d, target, pool->ports.xmpp,
                       "XMPP partners reach the XMPP proxy for " + d, DnsRole::xmpp_srv, pool->id,
                       domain.where);
            address_records(DnsZoneKind::external, d, target, access,
                            "XMPP proxy (Access Edge) for " + d, DnsRole::xmpp_proxy, pool->id,
                            domain.where, gap_text(gaps));
        }
    }

    const Model& model_;
    Plan& plan_;
};

}  // namespace

void derive_dns(const Model& model, Plan& plan) { DnsBuilder(model, plan).run(); }

}  // namespace edgeplan::topology::plan_detail
