// Firewall part of the plan: the rows of catalogue tables 2.2 (X1..X16) and 2.3 (I1..I11),
// narrowed to the features the model uses (PORT-GEN-02), with the ports the pool configures.
//
// Hardware load balanced pools (S5) follow PS-S5's split: the "node" rows keep their X/I label
// and use the members' real addresses; the VIP rows get V labels in the page's order:
//   V1 X1 5269 in, V2 X1b 5269 out, V3 X5 443 in, V4 X6 5061 in, V5 X7 5061 out,
//   V6 X8 443 in (Web Conferencing VIP), V7 X14 UDP 3478 in, V8 X15 TCP 443 in (A/V VIP),
//   V9 5061 in, V10 5061 out, V11 5062 in, V12 UDP 3478 in, V13 TCP 443 in,
//   V14 TCP 443 out (internal VIP).
// Endpoint addresses are those configured on the Edge (private ones under NAT, as a filter
// behind the translation sees them); probe_addresses are what a prober connects to.
//
// "Any" is a scope of its own (EndpointScope::any) only where the tables mean any address by
// design: Internet partners and clients on the external side, internal clients (I6, I7, V12,
// V13) and the Centralized Logging rows on the internal side. A side the tables name (the Edge's
// own interfaces, the next hop, the Front End, the CMS pool) whose addresses no input states is
// EndpointScope::unknown and adds an Unknown; exporters never write it as an allow rule.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "topology/plan_derivation.h"
#include "topology/subjects.h"

namespace edgeplan::topology::plan_detail {
namespace {

const RuleEndpoint any_endpoint{"Any", {}, EndpointScope::any};

RuleEndpoint any_named(const std::string& label) { return {label, {}, EndpointScope::any}; }

struct Row {
    const char* row;
    FirewallSide side;
    Direction direction;
    Transport transport;
    int port_from;
    int port_to;
    const char* protocol;
    const char* purpose;
    FirewallRole role;
};

// What every pool's rows read from the whole model, computed once per plan: asking the model
// again for each pool (partners, providers, routes, internal pools) made the firewall plan
// quadratic in the number of Edge pools and partner domains (docs/performance.md).
struct ModelFacts {
    explicit ModelFacts(const Model& model)
        : fed_allowed(federation_allowed(model)),
          route(federation_route_pool(model)),
          live(public_provider_enabled(model, PublicProviderKind::windows_live) ||
               public_provider_enabled(model, PublicProviderKind::skype)),
          ocs2007(partner_version_present(model, PartnerVersion::ocs2007)),
          lync2010_or_ocs2007r2(partner_version_present(model, PartnerVersion::lync2010) ||
                                partner_version_present(model, PartnerVersion::ocs2007r2)) {
        for (std::size_t i = 0; i < model.internal_pools.size(); ++i) {
            const InternalPool& pool = model.internal_pools[i];
            if (pool.hosts_xmpp_gateway) xmpp_gateway_pools.push_back(&pool);
            if (pool.hosts_cms) cms_pools.push_back(&pool);
            by_id[pool.id].push_back(i);
            by_edge_pool[pool.edge_pool].push_back(i);
        }
        for (const BranchAppliance& sba : model.branch_appliances) {
            edges_with_branches.insert(sba.edge_pool);
        }
    }

    bool fed_allowed;
    const EdgePool* route;  // federation_route_pool
    bool live;              // Windows Live or Skype enabled
    bool ocs2007;
    bool lync2010_or_ocs2007r2;
    std::vector<const InternalPool*> xmpp_gateway_pools;
    std::vector<const InternalPool*> cms_pools;
    // Indices into model.internal_pools, in model order, by id and by the Edge pool they name.
    std::unordered_map<std::string, std::vector<std::size_t>> by_id;
    std::unordered_map<std::string, std::vector<std::size_t>> by_edge_pool;
    std::unordered_set<std::string> edges_with_branches;
};

class FirewallBuilder {
  public:
    FirewallBuilder(const Model& model, const ModelFacts& facts, const EdgePool& pool, Plan& plan)
        : model_(model), facts_(facts), pool_(pool), plan_(plan) {}

    void run() {
        const bool hlb = pool_.load_balancing == LoadBalancing::hardware;
        const bool fed_allowed = facts_.fed_allowed;
        const bool xmpp = pool_.xmpp && fed_allowed;
        // sip_federation_on_pool, with the route looked up once
        const bool sip_federation = fed_allowed && (pool_.federation || facts_.route == &pool_);
        const bool live = facts_.live;
        const bool org_federation = fed_allowed && facts_.route != nullptr;
        const bool ocs2007 = fed_allowed && facts_.ocs2007;
        const bool udp3478_out =
            (fed_allowed && facts_.lync2010_or_ocs2007r2) || live || model_.edge_pools.size() > 1;
        const EdgePorts& p = pool_.ports;
        const int media_from = p.media_start;
        const int media_to = p.media_start + std::max(p.media_count, 1) - 1;

        const RuleEndpoint access = external(EdgeService::access, false);
        const RuleEndpoint webconf = external(EdgeService::webconf, false);
        const RuleEndpoint av = external(EdgeService::av, false);
        // Shared by every rule that probes them (AddressList), not copied per rule.
        const AddressList access_probe = probe(EdgeService::access, false);
        const AddressList webconf_probe = probe(EdgeService::webconf, false);
        const AddressList av_probe = probe(EdgeService::av, false);
        const RuleEndpoint internal =
            known_or_unknown({"Edge internal interface", member_internal_addresses(pool_)},
                             "Edge internal interface address of Edge pool " + pool_.id,
                             pool_subject(pool_), pool_.where);
        const AddressList internal_probe = internal.addresses;

        using D = Direction;
        using T = Transport;
        using R = FirewallRole;
        const auto ext = FirewallSide::external;
        const auto in = FirewallSide::internal;

        // --- external interface (table 2.2) ---
        if (xmpp && !hlb) {
            add({"X1", ext, D::inbound, T::tcp, p.xmpp, p.xmpp, "XMPP/TCP",
                 "XMPP partners reach the XMPP proxy", R::xmpp_partners_inbound},
                any_endpoint, xmpp_proxy(access), access_probe);
            // outbound 5269 in every scenario with XMPP.
            add({"X1b", ext, D::outbound, T::tcp, 5269, 5269, "XMPP/TCP",
                 "XMPP proxy reaches XMPP partners", R::xmpp_partners_outbound},
                xmpp_proxy(access), any_named("XMPP partners"), {});
        }
        const RuleEndpoint access_node = hlb ? external(EdgeService::access, true) : access;
        add({"X2", ext, D::outbound, T::tcp, 80, 80, "HTTP",
             "certificate revocation list check and retrieval", R::crl_outbound},
            access_node, any_endpoint, {});
        add({"X3", ext, D::outbound, T::tcp, 53, 53, "DNS", "DNS query over TCP", R::dns_outbound},
            access_node, any_endpoint, {});
        add({"X4", ext, D::outbound, T::udp, 53, 53, "DNS", "DNS query over UDP", R::dns_outbound},
            access_node, any_endpoint, {});
        if (!hlb) {
            add({"X5", ext, D::inbound, T::tcp, p.access_client, p.access_client, "SIP/TLS",
                 "client-to-server SIP for external users", R::access_client},
                any_endpoint, access, access_probe);
            if (sip_federation) {
                add({"X6", ext, D::inbound, T::tcp, p.access_federation, p.access_federation,
                     "SIP/MTLS", "federation and public IM connectivity using SIP",
                     R::access_federation_inbound},
                    any_endpoint, access, access_probe);
                add({"X7", ext, D::outbound, T::tcp, 5061, 5061, "SIP/MTLS",
                     "federation, public IM connectivity and push using SIP",
                     R::access_federation_outbound},
                    access, any_named("Federated partners"), {});
            }
            add({"X8", ext, D::inbound, T::tcp, p.webconf, p.webconf, "PSOM/TLS",
                 "web conferencing media", R::webconf},
                any_endpoint, webconf, webconf_probe);
        }
        const RuleEndpoint av_node = hlb ? external(EdgeService::av, true) : av;
        const AddressList av_node_probe =
            hlb ? AddressList(probe(EdgeService::av, true)) : av_probe;
        // PORT-EXT-09: A/V federation of any partner version (A/V uses the local Edge, so
        // every pool once the organisation federates) and Windows Live / Skype A/V.
        if (org_federation || live) {
            add({"X9", ext, D::outbound, T::tcp, media_from, media_to, "RTP/TCP",
                 "A/V media with federated partners and Windows Live", R::av_media_federation},
                av_node, any_endpoint, {});
        }
        if (ocs2007) {
            add({"X10", ext, D::outbound, T::udp, media_from, media_to, "RTP/UDP",
                 "A/V media with OCS 2007 partners", R::av_media_ocs2007},
                av_node, any_endpoint, {});
            add({"X11", ext, D::inbound, T::tcp, media_from, media_to, "RTP/TCP",
                 "A/V media with OCS 2007 partners", R::av_media_ocs2007},
                any_endpoint, av_node, av_node_probe);
            add({"X12", ext, D::inbound, T::udp, media_from, media_to, "RTP/UDP",
                 "A/V media with OCS 2007 partners", R::av_media_ocs2007},
                any_endpoint, av_node, av_node_probe);
        }
        if (udp3478_out) {
            add({"X13", ext, D::outbound, T::udp, 3478, 3478, "STUN/MSTURN",
                 "remote Edge version detection and Edge-to-Edge media", R::av_stun_outbound},
                av_node, any_endpoint, {});
        }
        add({"X14", ext, D::inbound, T::udp, p.av_udp, p.av_udp, "STUN/MSTURN",
             "STUN/TURN candidate negotiation over UDP", R::av_turn_udp},
            any_endpoint, av_node, av_node_probe);
        add({"X15", ext, D::inbound, T::tcp, p.av_tcp, p.av_tcp, "STUN/MSTURN",
             "STUN/TURN candidate negotiation over TCP", R::av_turn_tcp},
            any_endpoint, av_node, av_node_probe);
        add({"X16", ext, D::outbound, T::tcp, 443, 443, "STUN/MSTURN",
             "STUN/TURN candidate negotiation over TCP", R::av_turn_tcp_outbound},
            av_node, any_endpoint, {});
        if (hlb) {
            if (xmpp) {
                add({"V1", ext, D::inbound, T::tcp, p.xmpp, p.xmpp, "XMPP/TCP",
                     "XMPP partners reach the XMPP proxy", R::xmpp_partners_inbound},
                    any_endpoint, xmpp_proxy(access), access_probe);
                add({"V2", ext, D::outbound, T::tcp, 5269, 5269, "XMPP/TCP",
                     "XMPP proxy reaches XMPP partners", R::xmpp_partners_outbound},
                    xmpp_proxy(access), any_named("XMPP partners"), {});
            }
            add({"V3", ext, D::inbound, T::tcp, p.access_client, p.access_client, "SIP/TLS",
                 "client-to-server SIP for external users", R::access_client},
                any_endpoint, access, access_probe);
            if (sip_federation) {
                add({"V4", ext, D::inbound, T::tcp, p.access_federation, p.access_federation,
                     "SIP/MTLS", "SIP signaling, federation and public IM connectivity",
                     R::access_federation_inbound},
                    any_endpoint, access, access_probe);
                add({"V5", ext, D::outbound, T::tcp, 5061, 5061, "SIP/MTLS",
                     "SIP signaling, federation and public IM connectivity",
                     R::access_federation_outbound},
                    access, any_named("Federated partners"), {});
            }
            add({"V6", ext, D::inbound, T::tcp, p.webconf, p.webconf, "PSOM/TLS",
                 "web conferencing media", R::webconf},
                any_endpoint, webconf, webconf_probe);
            add({"V7", ext, D::inbound, T::udp, p.av_udp, p.av_udp, "STUN/MSTURN",
                 "STUN/TURN candidate negotiation over UDP", R::av_turn_udp},
                any_endpoint, av, av_probe);
            add({"V8", ext, D::inbound, T::tcp, p.av_tcp, p.av_tcp, "STUN/MSTURN",
                 "STUN/TURN candidate negotiation over TCP", R::av_turn_tcp},
                any_endpoint, av, av_probe);
        }

        // --- internal interface (table 2.3) ---
        if (xmpp) {
            // PORT-INT-01 / LB-07: 23456 goes to each member, never to the internal VIP.
            add({"I1", in, D::inbound, T::tcp, p.internal_xmpp, p.internal_xmpp, "XMPP/MTLS",
                 "XMPP gateway on the Front End reaches the XMPP proxy", R::internal_xmpp_gateway},
                servers("XMPP gateway Front End servers", xmpp_gateway_pools(),
                        "pools running the XMPP gateway"),
                internal, internal_probe);
        }
        const RuleEndpoint next_hop = servers("Next hop pool", next_hop_pool(), "next hop pool");
        if (!hlb) {
            add({"I2", in, D::inbound, T::tcp, p.internal_sip, p.internal_sip, "SIP/MTLS",
                 "SIP from Director or Front End to the Edge", R::internal_sip_inbound},
                next_hop, internal, internal_probe);
            add({"I3", in, D::outbound, T::tcp, 5061, 5061, "SIP/MTLS",
                 "SIP from the Edge to Director or Front End", R::internal_sip_outbound},
                internal, next_hop, {});
        }
        // PORT-INT-04 / LB-07: 8057 goes to each member, never to the internal VIP.
        add({"I4", in, D::inbound, T::tcp, p.internal_psom, p.internal_psom, "PSOM/MTLS",
             "web conferencing traffic from each Front End server", R::internal_psom},
            servers("Front End servers using this Edge", associated_pools(),
                    "Front End pools using this Edge"),
            internal, internal_probe);
        const RuleEndpoint mras_source = mras_clients();
        if (!hlb) {
            add({"I5", in, D::inbound, T::tcp, p.internal_mras, p.internal_mras, "SIP/MTLS",
                 "A/V user authentication (MRAS)", R::internal_mras},
                mras_source, internal, internal_probe);
        }
        add({"I6", in, D::inbound, T::udp, p.internal_turn_udp, p.internal_turn_udp, "STUN/MSTURN",
             "preferred A/V media path between internal and external users", R::internal_turn_udp},
            any_endpoint, internal, internal_probe);
        add({"I7", in, D::inbound, T::tcp, p.internal_turn_tcp, p.internal_turn_tcp, "STUN/MSTURN",
             "fallback A/V path, file transfer and desktop sharing", R::internal_turn_tcp},
            any_endpoint, internal, internal_probe);
        add({"I8", in, D::inbound, T::tcp, p.internal_replication, p.internal_replication, "HTTPS",
             "Central Management store replication to the Edge", R::internal_replication},
            servers("Central Management store pool", cms_pools(),
                    "pool holding the Central Management store"),
            internal, internal_probe);
        static const char* const cls_rows[] = {"I9", "I10", "I11"};
        for (int i = 0; i < 3; ++i) {
            add({cls_rows[i], in, D::inbound, T::tcp, 50001 + i, 50001 + i, "MTLS",
                 "Centralized Logging Service", R::internal_logging},
                any_endpoint, internal, internal_probe);
        }
        if (hlb) {
            const RuleEndpoint vip =
                known_or_unknown({"Edge internal VIP", internal_vip_addresses(pool_)},
                                 "internal VIP of Edge pool " + pool_.id, pool_subject(pool_),
                                 pool_.vips ? pool_.vips->where : pool_.where);
            add({"V9", in, D::inbound, T::tcp, p.internal_sip, p.internal_sip, "SIP/MTLS",
                 "SIP from Director or Front End to the Edge", R::internal_sip_inbound},
                next_hop, vip, vip.addresses);
            add({"V10", in, D::outbound, T::tcp, 5061, 5061, "SIP/MTLS",
                 "SIP from the Edge to Director or Front End", R::internal_sip_outbound},
                vip, next_hop, {});
            add({"V11", in, D::inbound, T::tcp, p.internal_mras, p.internal_mras, "SIP/MTLS",
                 "A/V user authentication (MRAS)", R::internal_mras},
                mras_source, vip, vip.addresses);
            add({"V12", in, D::inbound, T::udp, p.internal_turn_udp, p.internal_turn_udp,
                 "STUN/MSTURN", "preferred A/V media path between internal and external users",
                 R::internal_turn_udp},
                any_endpoint, vip, vip.addresses);
            add({"V13", in, D::inbound, T::tcp, p.internal_turn_tcp, p.internal_turn_tcp,
                 "STUN/MSTURN", "fallback A/V path, file transfer and desktop sharing",
                 R::internal_turn_tcp},
                any_endpoint, vip, vip.addresses);
            add({"V14", in, D::outbound, T::tcp, 443, 443, "STUN/MSTURN",
                 "fallback A/V path from the internal VIP", R::internal_turn_tcp},
                vip, any_endpoint, {});
        }
    }

  private:
    void add(const Row& row, RuleEndpoint source, RuleEndpoint destination,
             AddressList probe_addresses) {
        FirewallRule r;
        r.row = row.row;
        r.side = row.side;
        r.direction = row.direction;
        r.transport = row.transport;
        r.port_from = row.port_from;
        r.port_to = row.port_to;
        r.role = row.role;
        r.rule = catalogue_id(row.role);
        note_unknown(source, r.rule);
        note_unknown(destination, r.rule);
        r.source = std::move(source);
        r.destination = std::move(destination);
        if (row.direction == Direction::inbound) r.probe_addresses = std::move(probe_addresses);
        r.protocol = row.protocol;
        r.purpose = row.purpose;
        r.pool_id = pool_.id;
        r.where = pool_.where;
        plan_.firewall.push_back(std::move(r));
    }

    // `nodes`: the members' real addresses even on a hardware load balanced pool.
    RuleEndpoint external(EdgeService service, bool nodes) {
        const bool vip = pool_.load_balancing == LoadBalancing::hardware && !nodes;
        const std::string label = service_label(service);
        return known_or_unknown(
            {label + (vip ? " public VIP" : " external IP"),
             nodes ? member_interface_addresses(pool_, service)
                   : interface_addresses(pool_, service)},
            (vip ? "public VIP of the " : "external interface address of the ") + label +
                " of Edge pool " + pool_.id,
            pool_subject(pool_), vip && pool_.vips ? pool_.vips->where : pool_.where);
    }

    // An endpoint without addresses is unknown, never "Any"; the fact goes to the plan's
    // Unknowns under the first rule that needs it (note_unknown).
    RuleEndpoint known_or_unknown(RuleEndpoint endpoint, const std::string& what,
                                  const std::string& subject, const SourceLocation& where) {
        if (!endpoint.addresses.empty()) return endpoint;
        endpoint.scope = EndpointScope::unknown;
        endpoint.label += " (address unknown)";
        std::size_t index = 0;
        while (index < pending_.size() &&
               (pending_[index].what != what || pending_[index].subject != subject)) {
            ++index;
        }
        if (index == pending_.size()) pending_.push_back({what, "", subject, where});
        unknown_of_label_.emplace_back(endpoint.label, index);
        return endpoint;
    }

    void note_unknown(const RuleEndpoint& endpoint, const std::string& rule) {
        if (endpoint.scope != EndpointScope::unknown) return;
        for (auto& [label, index] : unknown_of_label_) {
            if (label != endpoint.label || pending_[index].rule == "-") continue;
            Unknown u = pending_[index];
            u.rule = rule;
            plan_.unknowns.push_back(std::move(u));
            pending_[index].rule = "-";  // reported once, under the first rule needing it
        }
    }

    std::vector<std::string> probe(EdgeService service, bool nodes) const {
        if (nodes) return member_interface_addresses(pool_, service);
        return published_addresses(pool_, service, "", nullptr);
    }

    RuleEndpoint xmpp_proxy(const RuleEndpoint& access) {
        if (access.scope != EndpointScope::unknown) {
            return {"XMPP proxy (" + access.label + ")", access.addresses};
        }
        return known_or_unknown(
            {"XMPP proxy (Access Edge external IP)", {}},
            "external interface address of the Access Edge of Edge pool " + pool_.id,
            pool_subject(pool_), pool_.where);
    }

    // Internal servers the tables allow narrowing "Any" to. A partial list would block the
    // servers left out and "Any" would open the port to every internal host, so a pool with a
    // server whose address is not stated (or no pool at all) makes the side unknown.
    RuleEndpoint servers(const std::string& label, const std::vector<const InternalPool*>& pools,
                         const std::string& missing_pool) {
        UniqueList addresses;  // every server of every pool: a set, not a scan per address
        std::string names;
        for (const InternalPool* pool : pools) {
            names += (names.empty() ? "" : ", ") + pool->fqdn;
            bool complete = !pool->servers.empty();
            for (const Server& server : pool->servers) {
                std::size_t usable = 0;
                for (const std::string& ip : server.ips) {
                    const std::string a = usable_address(ip);
                    if (a.empty()) continue;
                    addresses.add(a);
                    ++usable;
                }
                if (usable == 0) complete = false;
            }
            if (!complete) {
                return known_or_unknown({label + " (" + pool->fqdn + ")", {}},
                                        "addresses of the servers of " + pool->fqdn + " (" + label +
                                            " for Edge pool " + pool_.id + ")",
                                        subjects::pool_subject(pool->id), pool->where);
            }
        }
        if (pools.empty() || addresses.values().empty()) {
            return known_or_unknown({label, {}}, missing_pool + " of Edge pool " + pool_.id,
                                    pool_subject(pool_), pool_.where);
        }
        return {label + " (" + names + ")", addresses.take()};
    }

    // Model::find_internal_pool: the first pool with this id.
    std::vector<const InternalPool*> next_hop_pool() const {
        const auto found = facts_.by_id.find(pool_.next_hop);
        if (found == facts_.by_id.end()) return {};
        return {&model_.internal_pools[found->second.front()]};
    }

    // Internal pools this Edge pool lists as associated or that name it, in model order.
    std::vector<const InternalPool*> associated_pools() const {
        std::vector<std::size_t> indices;
        const auto add = [&](const auto& index, const std::string& key) {
            const auto found = index.find(key);
            if (found != index.end()) {
                indices.insert(indices.end(), found->second.begin(), found->second.end());
            }
        };
        for (const std::string& id : pool_.associated_pools) add(facts_.by_id, id);
        add(facts_.by_edge_pool, pool_.id);
        std::sort(indices.begin(), indices.end());
        indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
        std::vector<const InternalPool*> out;
        for (std::size_t i : indices) out.push_back(&model_.internal_pools[i]);
        return out;
    }

    const std::vector<const InternalPool*>& xmpp_gateway_pools() const {
        return facts_.xmpp_gateway_pools;
    }

    const std::vector<const InternalPool*>& cms_pools() const { return facts_.cms_pools; }

    // PORT-INT-05: Front End pools and every branch appliance using this Edge; branch
    // appliances carry no addresses in the model, so their presence makes the source unknown.
    RuleEndpoint mras_clients() {
        // The set answers "any branch here?" at once; only such pools scan for the first one.
        const bool has_branches = facts_.edges_with_branches.count(pool_.id) != 0;
        for (const BranchAppliance& sba : model_.branch_appliances) {
            if (!has_branches) break;
            if (sba.edge_pool != pool_.id) continue;
            return known_or_unknown({"Front End servers and branch appliances using this Edge", {}},
                                    "address of branch appliance " + sba.fqdn +
                                        " (A/V authentication through Edge pool " + pool_.id + ")",
                                    subjects::pool_subject(sba.fqdn), sba.where);
        }
        return servers("Front End servers using this Edge", associated_pools(),
                       "Front End pools using this Edge");
    }

    const Model& model_;
    const ModelFacts& facts_;
    const EdgePool& pool_;
    Plan& plan_;
    std::vector<Unknown> pending_;  // rule "-" once reported
    std::vector<std::pair<std::string, std::size_t>> unknown_of_label_;
};

}  // namespace

void derive_firewall(const Model& model, Plan& plan) {
    const ModelFacts facts(model);
    for (const EdgePool& pool : model.edge_pools) FirewallBuilder(model, facts, pool, plan).run();
}

}  // namespace edgeplan::topology::plan_detail
