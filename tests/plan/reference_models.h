#pragma once
// Models of the catalogue's five reference layouts (section 0.3, S1..S5) built in code, with the
// documentation's own numbers (T3-C, NIC examples): contoso.com + fabrikam.com, Edge pool
// lsedge.contoso.net, external 131.107.155.x (10.45.16.x behind NAT), internal 172.25.33.x.
// Header-only so tests/report_exports can share it.
#include <string>
#include <vector>

#include "topology/model.h"

namespace edgeplan::testing {

enum class Layout { s1, s2, s3, s4, s5 };

inline const char* layout_name(Layout layout) {
    static const char* const names[] = {"S1", "S2", "S3", "S4", "S5"};
    return names[static_cast<int>(layout)];
}

inline topology::EdgeMember reference_member(int index, bool nat) {
    // Member n (0-based) uses .10+n / .20+n / .30+n, as in DS-S3/DS-S4.
    topology::EdgeMember m;
    const std::string n = std::to_string(index);
    m.internal_fqdn =
        index == 0 ? "edge01.contoso.net" : "edge0" + std::to_string(index + 1) + ".contoso.net";
    m.internal_ips = {"172.25.33.1" + n};
    auto set = [&](topology::ServiceAddress& s, int base) {
        const std::string last = std::to_string(base + index);
        if (nat) {
            s.ips = {"10.45.16." + last};
            s.public_ips = {"131.107.155." + last};
        } else {
            s.ips = {"131.107.155." + last};
        }
    };
    set(m.access, 10);
    set(m.webconf, 20);
    set(m.av, 30);
    return m;
}

// The organisation every layout shares: two SIP domains, one Front End pool (CMS, XMPP
// gateway), discoverable federation with a Lync 2013 partner, push on contoso.com.
inline topology::Model reference_model(Layout layout, bool xmpp = true) {
    using namespace topology;
    Model model;
    SipDomain contoso;
    contoso.name = "contoso.com";
    contoso.is_default = true;
    contoso.mobile_push = true;
    SipDomain fabrikam;
    fabrikam.name = "fabrikam.com";
    fabrikam.mobile_push = false;
    model.sip_domains = {contoso, fabrikam};
    if (xmpp) model.xmpp_domains.push_back({"contoso.com", {}});

    Site site;
    site.id = "hq";
    site.name = "Redmond";
    site.federation_route = "edgepool";
    if (xmpp) site.xmpp_federation_route = "edgepool";
    model.sites = {site};

    InternalPool fe;
    fe.id = "pool01";
    fe.site_id = "hq";
    fe.fqdn = "pool01.contoso.net";
    fe.servers = {{"fe01.contoso.net", {"172.25.33.20"}, {}},
                  {"fe02.contoso.net", {"172.25.33.21"}, {}}};
    fe.edge_pool = "edgepool";
    fe.hosts_cms = true;
    fe.hosts_xmpp_gateway = xmpp;
    model.internal_pools = {fe};

    EdgePool pool;
    pool.id = "edgepool";
    pool.site_id = "hq";
    pool.internal_fqdn = "lsedge.contoso.net";
    pool.federation = true;
    pool.xmpp = xmpp;
    pool.next_hop = "pool01";
    pool.associated_pools = {"pool01"};
    pool.access.fqdn = "sip.contoso.com";
    pool.webconf.fqdn = "webcon.contoso.com";
    pool.av.fqdn = "av.contoso.com";
    switch (layout) {
        case Layout::s1:
            pool.members = {reference_member(0, false)};
            pool.members[0].internal_fqdn = "lsedge.contoso.net";  // single Edge: pool = server
            break;
        case Layout::s2:
            pool.nat = true;
            pool.members = {reference_member(0, true)};
            pool.members[0].internal_fqdn = "lsedge.contoso.net";
            break;
        case Layout::s3:
            pool.load_balancing = LoadBalancing::dns;
            pool.members = {reference_member(0, false), reference_member(1, false)};
            break;
        case Layout::s4:
            pool.load_balancing = LoadBalancing::dns;
            pool.nat = true;
            pool.members = {reference_member(0, true), reference_member(1, true)};
            break;
        case Layout::s5: {
            // DNS points at the VIPs (.10/.20/.30, internal .10); the real servers get
            // their own public addresses (PS-S5: 9 public IPs for 2 servers).
            pool.load_balancing = LoadBalancing::hardware;
            HardwareVips vips;
            vips.access = {"131.107.155.10"};
            vips.webconf = {"131.107.155.20"};
            vips.av = {"131.107.155.30"};
            vips.internal = {"172.25.33.10"};
            pool.vips = vips;
            for (int i = 0; i < 2; ++i) {
                EdgeMember m;
                m.internal_fqdn = "edge0" + std::to_string(i + 1) + ".contoso.net";
                m.internal_ips = {"172.25.33.1" + std::to_string(i + 1)};
                m.access.ips = {"131.107.155.1" + std::to_string(i + 1) + "0"};
                m.webconf.ips = {"131.107.155.1" + std::to_string(i + 1) + "1"};
                m.av.ips = {"131.107.155.1" + std::to_string(i + 1) + "2"};
                pool.members.push_back(m);
            }
            break;
        }
    }
    model.edge_pools = {pool};

    model.federation.stated = true;
    model.federation.enabled = true;
    model.federation.partner_discovery = true;
    model.federation.routing = RoutingMethod::dns_srv;
    AllowedDomain litware;
    litware.domain = "litwareinc.com";
    litware.version = PartnerVersion::lync2013;
    model.federation.allowed = {litware};
    return model;
}

}  // namespace edgeplan::testing
