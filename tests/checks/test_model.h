#pragma once
// Models built in code for the check tests (the XML readers are tested on their own): the
// documentation's S4 example (contoso.com + fabrikam.com, two-member DNS-LB pool behind NAT,
// federation with discovery, XMPP with Google Talk), an S1 single Edge and an S5 HLB pool.
// Each row of a table edits one of them and names the outcome it expects.
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/offline_support.h"

// Row edits: EDIT(m.edge_pools[0].nat = false) is a lambda over (Model& m, Plan& p).
#define EDIT(...)                                                   \
    [](edgeplan::topology::Model& m, edgeplan::topology::Plan& p) { \
        (void)m;                                                    \
        (void)p;                                                    \
        __VA_ARGS__;                                                \
    }

namespace edgeplan::testing {

using namespace edgeplan::topology;
using edgeplan::checks::Check;
using edgeplan::checks::Clock;
using edgeplan::checks::Finding;
using edgeplan::checks::Status;

inline SourceLocation at(int line) { return SourceLocation{"test.xml", line, 1}; }

inline ServiceAddress address(std::string ip, std::string public_ip = "") {
    ServiceAddress a;
    a.ips = {std::move(ip)};
    if (!public_ip.empty()) a.public_ips = {std::move(public_ip)};
    a.where = at(30);
    return a;
}

inline EdgeMember edge_member(std::string fqdn, std::string internal_ip, ServiceAddress access,
                              ServiceAddress webconf, ServiceAddress av) {
    EdgeMember m;
    m.internal_fqdn = std::move(fqdn);
    m.internal_ips = {std::move(internal_ip)};
    m.access = std::move(access);
    m.webconf = std::move(webconf);
    m.av = std::move(av);
    m.where = at(29);
    return m;
}

inline CertificateSpec certificate(CertificateUse use, std::string subject,
                                   std::vector<std::string> sans) {
    CertificateSpec c;
    c.use = use;
    c.subject = std::move(subject);
    c.sans = std::move(sans);
    c.server_eku = true;
    c.client_eku = false;
    c.exportable_key = true;
    c.where = at(40);
    return c;
}

// DS-S4 / PS-S4 / CS-S4 (samples/contoso-docs/topology.xml).
inline Model s4_model() {
    Model m;
    m.source_file = "test.xml";
    m.where = at(8);
    SipDomain contoso{"contoso.com", true, true, true, at(10)};
    SipDomain fabrikam{"fabrikam.com", false, false, true, at(11)};
    m.sip_domains = {contoso, fabrikam};
    m.xmpp_domains = {XmppDomain{"contoso.com", at(14)}};
    m.sites = {Site{"hq", "Redmond", "edgepool", "edgepool", at(17)}};

    InternalPool fe;
    fe.id = "pool01";
    fe.site_id = "hq";
    fe.fqdn = "pool01.contoso.net";
    fe.servers = {Server{"fe01.contoso.net", {"172.25.33.20"}, at(20)},
                  Server{"fe02.contoso.net", {"172.25.33.21"}, at(21)}};
    fe.edge_pool = "edgepool";
    fe.hosts_cms = true;
    fe.hosts_xmpp_gateway = true;
    fe.where = at(18);
    m.internal_pools = {fe};

    EdgePool e;
    e.id = "edgepool";
    e.site_id = "hq";
    e.internal_fqdn = "lsedge.contoso.net";
    e.load_balancing = LoadBalancing::dns;
    e.nat = true;
    e.federation = true;
    e.xmpp = true;
    e.next_hop = "pool01";
    e.associated_pools = {"pool01"};
    e.access = {"sip.contoso.com", at(25)};
    e.webconf = {"webcon.contoso.com", at(26)};
    e.av = {"av.contoso.com", at(27)};
    e.members = {
        edge_member("edge01.contoso.net", "172.25.33.10", address("10.45.16.10", "131.107.155.10"),
                    address("10.45.16.20", "131.107.155.20"),
                    address("10.45.16.30", "131.107.155.30")),
        edge_member("edge02.contoso.net", "172.25.33.11", address("10.45.16.11", "131.107.155.11"),
                    address("10.45.16.21", "131.107.155.21"),
                    address("10.45.16.31", "131.107.155.31"))};
    e.certificates = {certificate(CertificateUse::external, "sip.contoso.com",
                                  {"sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com",
                                   "contoso.com", "xmpp.contoso.com"}),
                      certificate(CertificateUse::internal, "lsedge.contoso.net", {})};
    e.where = at(23);
    m.edge_pools = {e};

    FederationSettings& f = m.federation;
    f.stated = true;
    f.enabled = true;
    f.partner_discovery = true;
    f.routing = RoutingMethod::dns_srv;
    f.allowed = {AllowedDomain{"litwareinc.com", "", PartnerVersion::lync2013, at(50)},
                 AllowedDomain{"push.lync.com", "", PartnerVersion::unknown, at(53)}};
    f.hosting_providers = {HostingProvider{"LyncOnline", "sipfed.online.lync.com",
                                           "useSourceVerification", true, at(51)}};
    XmppPartner gmail;
    gmail.domain = "gmail.com";
    gmail.type = XmppPartnerType::public_unverified;
    gmail.tls = Negotiation::not_supported;
    gmail.sasl = Negotiation::not_supported;
    gmail.dialback = true;
    gmail.where = at(54);
    f.xmpp_partners = {gmail};
    f.where = at(49);

    ExternalAccessPolicy global;
    global.name = "Global";
    global.federation = true;
    global.xmpp = true;
    global.outside = true;
    global.where = at(58);
    m.policies = {global};
    m.media_encryption = EncryptionLevel::require;
    return m;
}

// S1: one Edge Server with three public addresses, no NAT, federation only.
inline Model s1_model() {
    Model m = s4_model();
    EdgePool& e = m.edge_pools[0];
    e.id = "edge.contoso.net";
    e.internal_fqdn = "edge.contoso.net";
    e.load_balancing = LoadBalancing::single;
    e.nat = false;
    e.xmpp = false;
    e.members = {edge_member("edge.contoso.net", "172.25.33.10", address("131.107.155.10"),
                             address("131.107.155.20"), address("131.107.155.30"))};
    e.certificates[1].subject = "edge.contoso.net";
    m.internal_pools[0].edge_pool = e.id;
    e.associated_pools = {"pool01"};
    m.sites[0].federation_route = e.id;
    m.sites[0].xmpp_federation_route.clear();
    m.xmpp_domains.clear();
    m.federation.xmpp_partners.clear();
    m.policies[0].xmpp = false;
    return m;
}

// S5: two-member pool behind hardware load balancers, public addresses and VIPs.
inline Model s5_model() {
    Model m = s4_model();
    EdgePool& e = m.edge_pools[0];
    e.load_balancing = LoadBalancing::hardware;
    e.nat = false;
    e.members = {edge_member("edge01.contoso.net", "172.25.33.10", address("131.107.155.11"),
                             address("131.107.155.21"), address("131.107.155.31")),
                 edge_member("edge02.contoso.net", "172.25.33.11", address("131.107.155.12"),
                             address("131.107.155.22"), address("131.107.155.32"))};
    HardwareVips v;
    v.access = {"131.107.155.10"};
    v.webconf = {"131.107.155.20"};
    v.av = {"131.107.155.30"};
    v.internal = {"172.25.33.9"};
    v.where = at(35);
    e.vips = v;
    return m;
}

// Turns off everything that makes federation wanted (S1 base: no XMPP either).
inline void no_federation(Model& m) {
    for (EdgePool& e : m.edge_pools) {
        e.federation = false;
        e.xmpp = false;
    }
    for (Site& site : m.sites) {
        site.federation_route.clear();
        site.xmpp_federation_route.clear();
    }
    m.federation.enabled = false;
    m.federation.public_providers.clear();
    m.federation.xmpp_partners.clear();
    for (SipDomain& d : m.sip_domains) d.mobile_push = false;
}

inline EdgePool copy_pool(const EdgePool& pool, const std::string& id) {
    EdgePool copy = pool;
    copy.id = id;
    return copy;
}

inline PublicProvider provider(PublicProviderKind kind, bool enabled, std::string fqdn = "") {
    PublicProvider p;
    p.kind = kind;
    p.enabled = enabled;
    p.proxy_fqdn = std::move(fqdn);
    p.where = at(56);
    return p;
}

inline DnsRecord record(DnsRecordType type, std::string name, std::string value,
                        std::string rule = "", std::string pool = "edgepool") {
    DnsRecord r;
    r.type = type;
    r.name = std::move(name);
    r.value = std::move(value);
    // Code branches on the role; the ID is only its report label (topology/plan_roles.cpp).
    for (int v = 0; v <= static_cast<int>(topology::DnsRole::xmpp_proxy); ++v) {
        const auto role = static_cast<topology::DnsRole>(v);
        if (std::string(topology::catalogue_id(role)) == rule) {
            r.role = role;
            break;
        }
    }
    r.rule = std::move(rule);
    r.pool_id = std::move(pool);
    r.where = at(25);
    return r;
}

inline Clock::time_point default_now() { return checks::utc_date(2025, 1, 1); }

struct Row {
    std::string name;  // starts with the expected status: "fail - ..."
    std::function<void(Model&, Plan&)> edit;
    Status expected;
    std::string subject;
    std::string reason = "";  // expected skip reason, when expected == skip
    Model (*base)() = s4_model;
    Clock::time_point now = default_now();
};

// The settings_xml evidence of `check`'s finding about `subject` in `model`; empty when none.
inline std::string settings_xml_of(const Check& check, const Model& model,
                                   const std::string& subject) {
    Plan plan;
    plan.features = topology::derive_features(model);  // as derive_plan does
    const checks::CheckContext context{model, plan, default_now()};
    for (const Finding& f : check.evaluate(context)) {
        if (f.subject != subject) continue;
        for (const auto& [key, value] : f.evidence) {
            if (key == "settings_xml") return value;
        }
    }
    return "";
}

inline std::string subjects_of(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) {
        out += " " + f.subject + "=" + checks::to_string(f.status);
    }
    return out;
}

// Runs every row: the finding for `subject` must have the expected status (and skip reason),
// and every finding must be well formed (check ID, unique subject, skip reason on skips).
inline void run_rows(const Check& check, const std::string& id, const std::vector<Row>& rows) {
    ASSERT_EQ(check.info().id, id);
    for (const Row& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(row.name.rfind(std::string(checks::to_string(row.expected)) + " - ", 0), 0u)
            << "row name must start with its expected status";
        Model model = row.base();
        Plan plan;
        if (row.edit) row.edit(model, plan);
        plan.features = topology::derive_features(model);  // as derive_plan does
        const checks::CheckContext context{model, plan, row.now};
        const std::vector<Finding> findings = check.evaluate(context);
        std::set<std::string> seen;
        for (const Finding& f : findings) {
            EXPECT_EQ(f.check_id, id);
            EXPECT_TRUE(seen.insert(f.subject).second) << "duplicate subject " << f.subject;
            EXPECT_EQ(f.status == Status::skip, !f.skip_reason.empty()) << f.subject;
            EXPECT_FALSE(f.message.empty()) << f.subject;
        }
        const Finding* found = nullptr;
        for (const Finding& f : findings) {
            if (f.subject == row.subject) found = &f;
        }
        ASSERT_NE(found, nullptr) << "no finding for " << row.subject << "; got"
                                  << subjects_of(findings);
        EXPECT_EQ(checks::to_string(found->status), std::string(checks::to_string(row.expected)))
            << found->message;
        // Docs use real findings as examples: EDGEPLAN_DUMP_FINDINGS=1 prints the row's finding.
        if (std::getenv("EDGEPLAN_DUMP_FINDINGS") != nullptr) {
            std::string evidence;
            for (const auto& [key, value] : found->evidence) evidence += key + "=" + value + ";";
            std::cout << "FINDING\t" << id << "\t" << row.name << "\t"
                      << checks::to_string(found->status) << "\t" << found->subject << "\t"
                      << found->message << "\t" << found->skip_reason << "\t" << evidence << "\n";
        }
        if (!row.reason.empty()) {
            EXPECT_EQ(found->skip_reason, row.reason);
        }
    }
}

}  // namespace edgeplan::testing
