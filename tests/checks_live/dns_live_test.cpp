// The live DNS checks over hand-built observations (what --record would hold): one row per
// outcome; names start with the expected status.
#include <functional>

#include "tests/checks_live/live_fixture.h"
#include "topology/ip_address.h"

namespace edgeplan::checks::live_test {
namespace {

struct Row {
    std::string name;
    std::string check;
    std::string subject;
    std::function<void(World&)> change;
    Status expected;
    std::pair<std::string, std::string> evidence;  // must be present when key is non-empty
};

// Internal names (contoso.net) are answered by the internal server in these fixtures.
void set(World& w, const std::string& name, DnsType type, DnsOutcome outcome) {
    const bool internal = name.find(".contoso.net") != std::string::npos;
    answer(w.observations, name, type, internal ? kInternal : kExternal, outcome);
}

const std::vector<Row>& rows() {
    static const std::vector<Row> table = {
        {"pass - Access Edge A answers the planned addresses",
         "DNS-A-EXT-01",
         "dns:sip.contoso.com/A",
         [](World&) {},
         Status::pass,
         {"observed", "203.0.113.11 203.0.113.12"}},
        {"fail - NXDOMAIN",
         "DNS-A-EXT-01",
         "dns:sip.contoso.com/A",
         [](World& w) { set(w, "sip.contoso.com", DnsType::A, DnsOutcome::nxdomain); },
         Status::fail,
         {"observed", "nxdomain"}},
        {"fail - NODATA",
         "DNS-A-EXT-02",
         "dns:webcon.contoso.com/A",
         [](World& w) { set(w, "webcon.contoso.com", DnsType::A, DnsOutcome::nodata); },
         Status::fail,
         {"observed", "nodata"}},
        {"fail - SERVFAIL",
         "DNS-A-EXT-03",
         "dns:av.contoso.com/A",
         [](World& w) { set(w, "av.contoso.com", DnsType::A, DnsOutcome::servfail); },
         Status::fail,
         {"observed", "servfail"}},
        {"fail - REFUSED",
         "DNS-A-EXT-01",
         "dns:sip.contoso.com/A",
         [](World& w) { set(w, "sip.contoso.com", DnsType::A, DnsOutcome::refused); },
         Status::fail,
         {"observed", "refused"}},
        {"fail - timeout",
         "DNS-A-EXT-01",
         "dns:sip.contoso.com/A",
         [](World& w) { set(w, "sip.contoso.com", DnsType::A, DnsOutcome::timeout); },
         Status::fail,
         {"observed", "timeout"}},
        {"fail - extra address not in the plan is evidence",
         "DNS-A-EXT-01",
         "dns:sip.contoso.com/A",
         [](World& w) {
             ok_a(w.observations, "sip.contoso.com", {"203.0.113.11", "192.0.2.99"});
         },
         Status::fail,
         {"unexpected", "192.0.2.99"}},
        {"error - no observation for the query",
         "DNS-A-EXT-01",
         "dns:sip.contoso.com/A",
         [](World& w) { w.observations.dns.clear(); },
         Status::error,
         {"fqdn", "sip.contoso.com"}},
        {"pass - DNS LB answer set equals the members",
         "DNS-LB-01",
         "dns:av.contoso.com/A",
         [](World&) {},
         Status::pass,
         {}},
        {"fail - DNS LB answer set misses a member",
         "DNS-LB-01",
         "dns:av.contoso.com/A",
         [](World& w) { ok_a(w.observations, "av.contoso.com", {"203.0.113.31"}); },
         Status::fail,
         {"missing", "203.0.113.32"}},
        {"pass - client SRV as planned",
         "DNS-SRV-CLI-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World&) {},
         Status::pass,
         {"srv_target", "sip.contoso.com"}},
        {"fail - client SRV NXDOMAIN",
         "DNS-SRV-CLI-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) { set(w, "_sip._tls.contoso.com", DnsType::SRV, DnsOutcome::nxdomain); },
         Status::fail,
         {"observed", "nxdomain"}},
        {"fail - wrong SRV port",
         "DNS-SRV-CLI-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_sip._tls.contoso.com", {{0, 0, 5061, "sip.contoso.com"}});
         },
         Status::fail,
         {"port", "5061"}},
        {"fail - wrong SRV target",
         "DNS-SRV-CLI-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_sip._tls.contoso.com", {{0, 0, 443, "webcon.contoso.com"}});
         },
         Status::fail,
         {"srv_target", "webcon.contoso.com"}},
        {"fail - SRV target does not resolve",
         "DNS-SRV-CLI-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_sip._tls.contoso.com", {{0, 0, 443, "sip.contoso.com"}});
             answer(w.observations, "sip.contoso.com", DnsType::A, kExternal, DnsOutcome::nxdomain);
         },
         Status::fail,
         {"srv_target", "sip.contoso.com"}},
        {"pass - RFC 2782: the lowest priority record is the planned one",
         "DNS-SRV-CLI-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_sip._tls.contoso.com",
                    {{10, 0, 443, "old.contoso.com"}, {0, 0, 443, "sip.contoso.com"}});
         },
         Status::pass,
         {"observed", "0 0 443 sip.contoso.com"}},
        {"fail - RFC 2782: equal priority, the heavier record is the wrong one",
         "DNS-SRV-CLI-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_sip._tls.contoso.com",
                    {{0, 5, 443, "sip.contoso.com"}, {0, 50, 443, "old.contoso.com"}});
             ok_a(w.observations, "old.contoso.com", {"203.0.113.11"});
         },
         Status::fail,
         {"srv_target", "old.contoso.com"}},
        {"pass - federation SRV as planned",
         "DNS-SRV-FED-01",
         "dns:_sipfederationtls._tcp.contoso.com/SRV",
         [](World&) {},
         Status::pass,
         {"port", "5061"}},
        {"fail - federation SRV NODATA",
         "DNS-SRV-FED-01",
         "dns:_sipfederationtls._tcp.contoso.com/SRV",
         [](World& w) {
             set(w, "_sipfederationtls._tcp.contoso.com", DnsType::SRV, DnsOutcome::nodata);
         },
         Status::fail,
         {"observed", "nodata"}},
        {"fail - federation SRV target in another domain",
         "DNS-SRV-FED-01",
         "dns:_sipfederationtls._tcp.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_sipfederationtls._tcp.contoso.com",
                    {{0, 0, 5061, "sip.fabrikam.com"}});
         },
         Status::fail,
         {"srv_target", "sip.fabrikam.com"}},
        {"fail - push SRV missing for a domain with push clients",
         "DNS-SRV-FED-02",
         "dns:_sipfederationtls._tcp.contoso.com/SRV",
         [](World& w) {
             w.model.sip_domains[0].mobile_push = true;
             w.model.federation.partner_discovery = false;
             w.plan = topology::derive_plan(w.model);
             set(w, "_sipfederationtls._tcp.contoso.com", DnsType::SRV, DnsOutcome::nxdomain);
         },
         Status::fail,
         {"observed", "nxdomain"}},
        {"skip - no domain uses push clients",
         "DNS-SRV-FED-02",
         "topology",
         [](World&) {},
         Status::skip,
         {}},
        {"skip - one Edge pool: no per-pool XMPP SRV priorities to compare",
         "DNS-SRV-XMPP-03",
         "topology",
         [](World&) {},
         Status::skip,
         {}},
        {"pass - XMPP SRV as planned",
         "DNS-SRV-XMPP-01",
         "dns:_xmpp-server._tcp.contoso.com/SRV",
         [](World&) {},
         Status::pass,
         {"srv_target", "xmpp.contoso.com"}},
        {"fail - XMPP SRV on port 5222",
         "DNS-SRV-XMPP-01",
         "dns:_xmpp-server._tcp.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_xmpp-server._tcp.contoso.com",
                    {{0, 0, 5222, "xmpp.contoso.com"}});
         },
         Status::fail,
         {"port", "5222"}},
        {"pass - xmpp A answers the Access Edge",
         "DNS-A-XMPP-02",
         "dns:xmpp.contoso.com/A",
         [](World&) {},
         Status::pass,
         {}},
        {"fail - xmpp A NXDOMAIN",
         "DNS-A-XMPP-02",
         "dns:xmpp.contoso.com/A",
         [](World& w) { set(w, "xmpp.contoso.com", DnsType::A, DnsOutcome::nxdomain); },
         Status::fail,
         {"observed", "nxdomain"}},
        {"pass - live SRV target inside its domain",
         "DNS-SRV-GEN-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World&) {},
         Status::pass,
         {}},
        {"fail - live SRV target in another domain",
         "DNS-SRV-GEN-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) {
             ok_srv(w.observations, "_sip._tls.contoso.com", {{0, 0, 443, "sip.fabrikam.com"}});
         },
         Status::fail,
         {"unexpected", "sip.fabrikam.com"}},
        {"skip - no SRV published, nothing to judge (never a pass)",
         "DNS-SRV-GEN-01",
         "dns:_sip._tls.contoso.com/SRV",
         [](World& w) { set(w, "_sip._tls.contoso.com", DnsType::SRV, DnsOutcome::nxdomain); },
         Status::skip,
         {"observed", "nxdomain"}},
        {"pass - partner SRV target resolves",
         "DNS-SRV-FED-05",
         "dns:_sipfederationtls._tcp.fabrikam.com/SRV",
         [](World&) {},
         Status::pass,
         {"ip", "198.51.100.5"}},
        {"warn - partner SRV NXDOMAIN",
         "DNS-SRV-FED-05",
         "dns:_sipfederationtls._tcp.fabrikam.com/SRV",
         [](World& w) {
             set(w, "_sipfederationtls._tcp.fabrikam.com", DnsType::SRV, DnsOutcome::nxdomain);
         },
         Status::warn,
         {"observed", "nxdomain"}},
        {"warn - partner SRV target does not resolve",
         "DNS-SRV-FED-05",
         "dns:_sipfederationtls._tcp.fabrikam.com/SRV",
         [](World& w) {
             answer(w.observations, "sip.fabrikam.com", DnsType::A, kExternal,
                    DnsOutcome::servfail);
         },
         Status::warn,
         {"srv_target", "sip.fabrikam.com"}},
        {"pass - partner proxy FQDN resolves",
         "DNS-SRV-FED-05",
         "dns:sip.litware.com/A",
         [](World&) {},
         Status::pass,
         {"ip", "198.51.100.6"}},
        {"warn - partner proxy FQDN times out",
         "DNS-SRV-FED-05",
         "dns:sip.litware.com/A",
         [](World& w) {
             answer(w.observations, "sip.litware.com", DnsType::A, kExternal, DnsOutcome::timeout);
             answer(w.observations, "sip.litware.com", DnsType::AAAA, kExternal,
                    DnsOutcome::timeout);
         },
         Status::warn,
         {"fqdn", "sip.litware.com"}},
        {"pass - internal DNS has each Edge member",
         "DNS-INT-01",
         "dns:edge02.contoso.net/A",
         [](World&) {},
         Status::pass,
         {}},
        {"fail - internal DNS has the wrong address",
         "DNS-INT-01",
         "dns:edge02.contoso.net/A",
         [](World& w) { ok_a(w.observations, "edge02.contoso.net", {"10.0.30.99"}, kInternal); },
         Status::fail,
         {"unexpected", "10.0.30.99"}},
        {"skip - no internal DNS server given",
         "DNS-INT-01",
         "dns:edge02.contoso.net/A",
         [](World& w) { w.settings.internal_dns_servers.clear(); },
         Status::skip,
         {}},
        {"pass - internal pool FQDN lists every member",
         "DNS-LB-02",
         "dns:edgepool.contoso.net/A",
         [](World&) {},
         Status::pass,
         {}},
        {"fail - internal pool FQDN misses a member",
         "DNS-LB-02",
         "dns:edgepool.contoso.net/A",
         [](World& w) { ok_a(w.observations, "edgepool.contoso.net", {"10.0.30.11"}, kInternal); },
         Status::fail,
         {"missing", "10.0.30.12"}},
        {"pass - next hop resolves",
         "DNS-INT-02",
         "dns:pool01.contoso.net/A",
         [](World&) {},
         Status::pass,
         {}},
        {"fail - next hop REFUSED",
         "DNS-INT-02",
         "dns:pool01.contoso.net/A",
         [](World& w) { set(w, "pool01.contoso.net", DnsType::A, DnsOutcome::refused); },
         Status::fail,
         {"observed", "refused"}},
        {"fail - one of two servers disagrees",
         "DNS-A-EXT-02",
         "dns:webcon.contoso.com/A",
         [](World& w) {
             w.settings.external_dns_servers.push_back("192.0.2.54");
             ok_a(w.observations, "webcon.contoso.com", {"203.0.113.21", "203.0.113.22"},
                  "192.0.2.54");
             set(w, "webcon.contoso.com", DnsType::A, DnsOutcome::nxdomain);
         },
         Status::fail,
         {"server", "192.0.2.54"}},
        {"skip - no IPv6 in the plan", "DNS-A-EXT-05", "topology", [](World&) {}, Status::skip, {}},
        {"skip - no hardware load balancer",
         "DNS-LB-03",
         "topology",
         [](World&) {},
         Status::skip,
         {}},
    };
    return table;
}

class DnsLive : public ::testing::TestWithParam<Row> {};

TEST_P(DnsLive, Row) {
    const Row& row = GetParam();
    World w = load_world(dnslb_topology());
    w.observations = healthy_dns();
    row.change(w);
    const auto findings = w.run(row.check);
    const Finding* f = find(findings, row.subject);
    ASSERT_NE(f, nullptr) << row.name;
    EXPECT_EQ(to_string(f->status), std::string(to_string(row.expected)))
        << row.name << ": " << f->message;
    if (!row.evidence.first.empty()) {
        EXPECT_TRUE(has_evidence(*f, row.evidence.first, row.evidence.second))
            << row.name << ": no " << row.evidence.first << "=" << row.evidence.second;
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, DnsLive, ::testing::ValuesIn(rows()), [](const auto& row_info) {
    std::string n = std::to_string(row_info.index) + "_" + row_info.param.name;
    for (char& c : n) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return n;
});

// DNS-A-EXT-04 on the S2 sample (NAT): public answers pass, a private answer fails.
TEST(DnsLiveNat, PublicPassesPrivateFails) {
    World w = load_world_file(EDGEPLAN_SOURCE_DIR "/samples/s2-single-nat/topology.xml");
    ok_a(w.observations, "sip.contoso.com", {"198.51.100.10"});
    ok_a(w.observations, "webcon.contoso.com", {"172.16.20.20"});
    ok_a(w.observations, "av.contoso.com", {"198.51.100.30"});
    const auto findings = w.run("DNS-A-EXT-04");
    const Finding* sip = find(findings, "dns:sip.contoso.com/A");
    const Finding* webcon = find(findings, "dns:webcon.contoso.com/A");
    ASSERT_TRUE(sip && webcon);
    EXPECT_EQ(sip->check_id, "DNS-A-EXT-04");
    EXPECT_EQ(webcon->check_id, "DNS-A-EXT-04");
    EXPECT_EQ(sip->status, Status::pass) << "pass - public NAT address: " << sip->message;
    EXPECT_EQ(webcon->status, Status::fail) << "fail - private answer under NAT";
    EXPECT_TRUE(has_evidence(*webcon, "unexpected", "172.16.20.20"));
}

// DNS-A-EXT-04 and NET-10 share one address vocabulary (topology/ip_address.h): shared CGN
// space (100.64/10) and link-local answers are private for both. Before, the live check knew
// only RFC 1918 and ULA and passed these while NET-10 failed them.
TEST(DnsLiveNat, SharedAndLinkLocalAnswersFailLikeNet10) {
    World w = load_world_file(EDGEPLAN_SOURCE_DIR "/samples/s2-single-nat/topology.xml");
    ok_a(w.observations, "sip.contoso.com", {"100.64.10.10"});
    ok_a(w.observations, "webcon.contoso.com", {"169.254.20.20"});
    ok_a(w.observations, "av.contoso.com", {"198.51.100.30"});
    const auto findings = w.run("DNS-A-EXT-04");
    const Finding* sip = find(findings, "dns:sip.contoso.com/A");
    const Finding* webcon = find(findings, "dns:webcon.contoso.com/A");
    const Finding* av = find(findings, "dns:av.contoso.com/A");
    ASSERT_TRUE(sip && webcon && av);
    EXPECT_EQ(sip->status, Status::fail) << "fail - shared CGN answer: " << sip->message;
    EXPECT_TRUE(has_evidence(*sip, "unexpected", "100.64.10.10"));
    EXPECT_EQ(webcon->status, Status::fail) << "fail - link-local answer: " << webcon->message;
    EXPECT_EQ(av->status, Status::pass) << "pass - public NAT address: " << av->message;
    for (const char* address : {"100.64.10.10", "169.254.20.20"}) {
        EXPECT_EQ(topology::scope_of(*topology::parse_ip(address)),
                  topology::AddressScope::private_address)
            << address << " is what NET-10 judges private";
    }
}

// Offline runs (plan) get a skip from every probe check, never a pass.
TEST(DnsLiveOffline, SkipsWithoutObservations) {
    World w = load_world(dnslb_topology());
    for (const auto& check : w.checks) {
        if (check->info().kind == CheckKind::offline) continue;
        for (const Finding& f : check->evaluate(w.context(false))) {
            EXPECT_EQ(f.status, Status::skip) << f.check_id << " " << f.subject;
        }
    }
}

}  // namespace
}  // namespace edgeplan::checks::live_test
