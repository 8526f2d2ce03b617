// FED-PARTNER-01..11 over recorded observations: one row per outcome, named by the expected
// status, built with a throw-away PKI (tests/certificates/test_pki.h). The probe phases are
// tested too, with fake backends: they ask only what the partner list and DNS give.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

#include "checks/partners/partner_probes.h"
#include "checks/partners/partner_rules.h"
#include "tests/certificates/test_pki.h"

namespace edgeplan::checks::partners {
namespace {

namespace p = probes;
namespace fs = std::filesystem;

struct Pki {
    pki_test::Issued ca;
    std::string ca_file;
    Pki() {
        pki_test::CertSpec spec;
        spec.cn = "partner test CA";
        spec.ca = true;
        spec.server_auth = false;
        ca = pki_test::issue(spec);
        // One file per process: ctest runs this binary's tests in parallel processes, each
        // with its own CA, and a shared name let one overwrite the CA another was verifying.
        ca_file = (fs::temp_directory_path() /
                   ("edgeplan-partner-rules-ca-" + std::to_string(getpid()) + ".pem"))
                      .string();
        pki_test::write_text(ca_file, pki_test::pem_of(ca.cert));
    }
    ~Pki() {
        std::error_code ignored;
        fs::remove(ca_file, ignored);
    }
    Pki(const Pki&) = delete;
    Pki& operator=(const Pki&) = delete;
    p::DerBlob leaf(const std::string& name, long not_after_s = 365L * 86400,
                    unsigned rsa_bits = 2048, bool self_signed = false) const {
        pki_test::CertSpec spec;
        spec.cn = name;
        spec.sans = {name};
        spec.not_after_s = not_after_s;
        spec.rsa_bits = rsa_bits;
        const auto issued = pki_test::issue(spec, self_signed ? nullptr : &ca);
        const auto der = pki_test::der_of(issued.cert);
        return p::DerBlob(der.begin(), der.end());
    }
};

const Pki& pki() {
    static const Pki instance;
    return instance;
}

p::DnsAnswer srv(const std::string& name, std::vector<p::SrvRecord> records,
                 p::DnsOutcome outcome = p::DnsOutcome::ok) {
    p::DnsAnswer a;
    a.query = {name, p::DnsType::SRV, "127.0.0.1"};
    a.outcome = outcome;
    a.srv = std::move(records);
    return a;
}

p::DnsAnswer address(const std::string& name, p::DnsType type, std::vector<std::string> ips) {
    p::DnsAnswer a;
    a.query = {name, type, "127.0.0.1"};
    a.outcome = ips.empty() ? p::DnsOutcome::nxdomain : p::DnsOutcome::ok;
    a.addresses = std::move(ips);
    return a;
}

p::TcpObservation tcp(const std::string& ip, std::uint16_t port, p::TcpOutcome outcome) {
    p::TcpObservation o;
    o.probe = {ip, port, std::nullopt};
    o.outcome = outcome;
    return o;
}

p::TlsObservation tls(const std::string& ip, const std::string& sni, p::DerBlob leaf,
                      std::string protocol = "TLSv1.3") {
    p::TlsObservation o;
    o.probe = {ip, 5061, sni, false, false};
    o.connected = true;
    o.handshake_ok = !leaf.empty();
    o.protocol = protocol;
    if (!leaf.empty()) o.peer_chain.push_back(std::move(leaf));
    return o;
}

// A SIP partner `domain` whose SRV names sip.<domain> at `ip`; the caller adjusts.
p::Observations healthy(const std::string& domain, const std::string& ip) {
    p::Observations o;
    const std::string target = "sip." + domain;
    o.dns.push_back(srv("_sipfederationtls._tcp." + domain, {{0, 0, 5061, target}}));
    o.dns.push_back(address(target, p::DnsType::A, {ip}));
    o.dns.push_back(address(target, p::DnsType::AAAA, {}));
    o.tcp.push_back(tcp(ip, 5061, p::TcpOutcome::open));
    o.tls.push_back(tls(ip, target, pki().leaf(target)));
    return o;
}

struct Row {
    const char* name;
    std::string domain;
    std::function<p::Observations()> observe;
    std::map<std::string, Status> expected;  // rule -> a finding of that status exists
    std::string kind;
};

Status worst(const std::vector<Finding>& findings, const std::string& rule,
             const std::string& domain) {
    Status result = Status::skip;
    bool any = false;
    for (const Finding& f : findings) {
        if (f.check_id != rule || f.subject.rfind("partner:" + domain, 0) != 0) continue;
        if (!any || verdict_rank(f.status) < verdict_rank(result)) result = f.status;
        any = true;
    }
    return any ? result : Status::skip;
}

PartnerJudgement judge_one(const Row& row, PartnerList list = {}) {
    PartnerEntry e;
    e.domain = row.domain;
    list.partners.push_back(e);
    if (list.providers.empty())
        list.providers.push_back({"Hoster", "sipfed.hoster.example", true, {}});
    list.providers.push_back({"Microsoft 365 / Teams", "sipfed.online.lync.com", false, {}});
    // Observe first: making a leaf generates a key, which can take seconds on a loaded machine,
    // and the leaf's notBefore is the time it was made. A clock read before it would judge the
    // fresh certificate "not yet valid".
    const p::Observations observations = row.observe();
    JudgeSettings settings;
    settings.now = Clock::now();
    settings.ca_file = pki().ca_file;
    return judge_partners(list, observations, settings);
}

TEST(PartnerRules, EveryOutcome) {
    const std::vector<Row> rows{
        {"pass - healthy on-premises partner",
         "ok.example",
         [] { return healthy("ok.example", "192.0.2.1"); },
         {{"FED-PARTNER-01", Status::pass},
          {"FED-PARTNER-02", Status::pass},
          {"FED-PARTNER-03", Status::pass},
          {"FED-PARTNER-04", Status::pass},
          {"FED-PARTNER-05", Status::pass},
          {"FED-PARTNER-06", Status::pass},
          {"FED-PARTNER-07", Status::pass},
          {"FED-PARTNER-08", Status::pass},
          {"FED-PARTNER-09", Status::pass}},
         "on-premises"},
        {"fail - no SRV and no ProxyFqdn",
         "nosrv.example",
         [] {
             p::Observations o;
             o.dns.push_back(
                 srv("_sipfederationtls._tcp.nosrv.example", {}, p::DnsOutcome::nxdomain));
             return o;
         },
         {{"FED-PARTNER-01", Status::fail}},
         "unknown"},
        {"fail - SRV target does not resolve",
         "unres.example",
         [] {
             p::Observations o = healthy("unres.example", "192.0.2.2");
             o.dns[1] = address("sip.unres.example", p::DnsType::A, {});
             return o;
         },
         {{"FED-PARTNER-02", Status::fail}},
         "on-premises"},
        {"fail - 5061 filtered",
         "filtered.example",
         [] {
             p::Observations o = healthy("filtered.example", "192.0.2.3");
             o.tcp[0].outcome = p::TcpOutcome::filtered;
             o.tls.clear();
             return o;
         },
         {{"FED-PARTNER-03", Status::fail}},
         "on-premises"},
        {"fail - handshake fails",
         "hs.example",
         [] {
             p::Observations o = healthy("hs.example", "192.0.2.4");
             o.tls[0] = tls("192.0.2.4", "sip.hs.example", {}, "");
             o.tls[0].error = "timed out";
             return o;
         },
         {{"FED-PARTNER-04", Status::fail}, {"FED-PARTNER-05", Status::skip}},
         "on-premises"},
        {"fail - TLS 1.0 only",
         "old.example",
         [] {
             p::Observations o = healthy("old.example", "192.0.2.5");
             o.tls[0] = tls("192.0.2.5", "sip.old.example", {}, "");
             o.tls[0].error = "alert protocol version";
             p::TlsObservation legacy = o.tls[0];
             legacy.probe.check_legacy_tls = true;
             legacy.legacy_tls_accepted = true;
             legacy.legacy_protocol = "TLSv1";
             o.tls.push_back(legacy);
             return o;
         },
         {{"FED-PARTNER-04", Status::fail}, {"FED-PARTNER-05", Status::fail}},
         "on-premises"},
        {"fail - expired certificate",
         "expired.example",
         [] {
             p::Observations o = healthy("expired.example", "192.0.2.6");
             o.tls[0].peer_chain = {pki().leaf("sip.expired.example", -3600)};
             return o;
         },
         {{"FED-PARTNER-06", Status::fail}},
         "on-premises"},
        {"fail - untrusted certificate",
         "selfsigned.example",
         [] {
             p::Observations o = healthy("selfsigned.example", "192.0.2.7");
             o.tls[0].peer_chain = {pki().leaf("sip.selfsigned.example", 365L * 86400, 2048, true)};
             return o;
         },
         {{"FED-PARTNER-06", Status::fail}},
         "on-premises"},
        {"warn - certificate expires soon",
         "soon.example",
         [] {
             p::Observations o = healthy("soon.example", "192.0.2.8");
             o.tls[0].peer_chain = {pki().leaf("sip.soon.example", 5L * 86400)};
             return o;
         },
         {{"FED-PARTNER-06", Status::warn}},
         "on-premises"},
        {"fail - certificate names another host",
         "names.example",
         [] {
             p::Observations o = healthy("names.example", "192.0.2.9");
             o.tls[0].peer_chain = {pki().leaf("other.example")};
             return o;
         },
         {{"FED-PARTNER-07", Status::fail}},
         "on-premises"},
        {"warn - 1024-bit RSA key",
         "weak.example",
         [] {
             p::Observations o = healthy("weak.example", "192.0.2.10");
             o.tls[0].peer_chain = {pki().leaf("sip.weak.example", 365L * 86400, 1024)};
             return o;
         },
         {{"FED-PARTNER-08", Status::warn}},
         "on-premises"},
        {"pass - mutual TLS: certificate read before the refusal",
         "mutual.example",
         [] {
             p::Observations o = healthy("mutual.example", "192.0.2.11");
             o.tls[0].handshake_ok = false;
             o.tls[0].client_cert_requested = true;
             o.tls[0].client_cert_required_failure = true;
             o.tls[0].error = "alert certificate required";
             return o;
         },
         {{"FED-PARTNER-04", Status::pass}, {"FED-PARTNER-06", Status::pass}},
         "on-premises"},
        {"pass - SRV to a configured hosting provider",
         "hosted.example",
         [] {
             p::Observations o;
             o.dns.push_back(srv("_sipfederationtls._tcp.hosted.example",
                                 {{0, 0, 5061, "sipfed.hoster.example"}}));
             o.dns.push_back(address("sipfed.hoster.example", p::DnsType::A, {"192.0.2.12"}));
             o.dns.push_back(address("sipfed.hoster.example", p::DnsType::AAAA, {}));
             o.tcp.push_back(tcp("192.0.2.12", 5061, p::TcpOutcome::open));
             o.tls.push_back(
                 tls("192.0.2.12", "sipfed.hoster.example", pki().leaf("sipfed.hoster.example")));
             return o;
         },
         {{"FED-PARTNER-09", Status::pass}, {"FED-PARTNER-07", Status::pass}},
         "hosted"},
        {"warn - Microsoft 365 FQDN without a hosting provider",
         "tenant.example",
         [] {
             p::Observations o;
             o.dns.push_back(srv("_sipfederationtls._tcp.tenant.example",
                                 {{0, 0, 5061, "sipfed.online.lync.com"}}));
             o.dns.push_back(address("sipfed.online.lync.com", p::DnsType::A, {"192.0.2.13"}));
             o.dns.push_back(address("sipfed.online.lync.com", p::DnsType::AAAA, {}));
             o.tcp.push_back(tcp("192.0.2.13", 5061, p::TcpOutcome::open));
             o.tls.push_back(
                 tls("192.0.2.13", "sipfed.online.lync.com", pki().leaf("sipfed.online.lync.com")));
             return o;
         },
         {{"FED-PARTNER-09", Status::warn}},
         "hosted"},
        {"error - no observation recorded",
         "missing.example",
         [] { return p::Observations{}; },
         {{"FED-PARTNER-01", Status::error}},
         "unknown"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.name);
        const PartnerJudgement j = judge_one(row);
        for (const auto& [rule, status] : row.expected) {
            EXPECT_EQ(to_string(worst(j.findings, rule, row.domain)),
                      std::string(to_string(status)))
                << rule;
        }
        ASSERT_EQ(j.rows.size(), 1u);
        EXPECT_EQ(j.rows[0].kind, row.kind);
    }
}

// A healthy on-premises partner passes every rule probed for it, each finding under its own ID
// (FED-PARTNER-11 states the kind; FED-PARTNER-10 is asserted below).
TEST(PartnerRules, HealthyPartnerPassesEachRuleUnderItsId) {
    const Row row{"pass - healthy on-premises partner",
                  "ok.example",
                  [] { return healthy("ok.example", "192.0.2.1"); },
                  {},
                  "on-premises"};
    const PartnerJudgement j = judge_one(row);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-01", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-02", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-03", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-04", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-05", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-06", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-07", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-08", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-09", row.domain), Status::pass);
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-11", row.domain), Status::pass);
}

TEST(PartnerRules, AllowedAndBlockedIsAWarningAndTheTableSortsFailingFirst) {
    PartnerList list;
    list.allowed_and_blocked.push_back(
        {"both.example", "", PartnerProtocol::sip, "settings", "", {}});
    PartnerEntry bad;
    bad.domain = "nosrv.example";
    list.partners.push_back(bad);
    p::Observations o;
    o.dns.push_back(srv("_sipfederationtls._tcp.nosrv.example", {}, p::DnsOutcome::nodata));
    JudgeSettings settings;
    settings.now = Clock::now();
    const PartnerJudgement j = judge_partners(list, o, settings);
    ASSERT_EQ(j.rows.size(), 2u);
    EXPECT_EQ(j.rows[0].domain, "nosrv.example");
    EXPECT_EQ(j.rows[0].verdict, Status::fail);
    EXPECT_EQ(j.rows[1].kind, "blocked");
    EXPECT_EQ(worst(j.findings, "FED-PARTNER-10", "both.example"), Status::warn);
    for (std::size_t i = 1; i < j.findings.size(); ++i) {
        EXPECT_TRUE(finding_order(j.findings[i - 1], j.findings[i]) ||
                    !finding_order(j.findings[i], j.findings[i - 1]));
        EXPECT_FALSE(j.findings[i - 1].check_id == j.findings[i].check_id &&
                     j.findings[i - 1].subject == j.findings[i].subject)
            << "duplicate " << j.findings[i].subject;
    }
}

// Fake backends that answer from a recording and remember every request.
struct Recorder : p::Resolver, p::PortProber, p::TlsProber, p::XmppProber {
    p::Observations world;
    std::vector<std::string> asked;
    std::vector<p::DnsAnswer> resolve(const std::vector<p::DnsQuery>& queries) override {
        std::vector<p::DnsAnswer> out;
        for (const auto& q : queries) {
            asked.push_back(q.name);
            p::DnsAnswer a;
            a.query = q;
            a.outcome = p::DnsOutcome::nxdomain;
            for (const auto& w : world.dns) {
                if (w.query.name == q.name && w.query.type == q.type) {
                    a = w;
                    a.query = q;
                }
            }
            out.push_back(a);
        }
        return out;
    }
    std::vector<p::TcpObservation> probe(const std::vector<p::TcpProbe>& probes) override {
        std::vector<p::TcpObservation> out;
        for (const auto& t : probes) {
            asked.push_back("tcp:" + t.address);
            out.push_back(tcp(t.address, t.port, p::TcpOutcome::open));
        }
        return out;
    }
    std::vector<p::TlsObservation> probe(const std::vector<p::TlsProbe>& probes) override {
        std::vector<p::TlsObservation> out;
        for (const auto& t : probes) {
            asked.push_back("tls:" + t.sni);
            out.push_back(tls(t.address, t.sni, pki().leaf(t.sni)));
        }
        return out;
    }
    std::vector<p::XmppObservation> probe(const std::vector<p::XmppProbe>& probes) override {
        std::vector<p::XmppObservation> out;
        for (const auto& x : probes) {
            asked.push_back("xmpp:" + x.domain);
            p::XmppObservation o;
            o.probe = x;
            out.push_back(o);
        }
        return out;
    }
};

TEST(PartnerProbes, AskOnlyForListedNamesAndWhatDnsGave) {
    Recorder r;
    r.world = healthy("ok.example", "192.0.2.1");
    r.world.dns.push_back(address("edge.proxy.example", p::DnsType::A, {"192.0.2.2"}));
    PartnerList list;
    PartnerEntry ok;
    ok.domain = "ok.example";
    PartnerEntry proxy;
    proxy.domain = "proxy.example";
    proxy.proxy_fqdn = "edge.proxy.example";
    PartnerEntry x;
    x.domain = "jabber.example";
    x.protocol = PartnerProtocol::xmpp;
    list.partners = {ok, proxy, x};
    list.allowed_and_blocked.push_back({"blocked.example", "", PartnerProtocol::sip, "", "", {}});
    PartnerProbeOptions options;
    options.dns_server = "127.0.0.1";
    std::vector<std::string> errors;
    PartnerProbeBackends backends{r, r, r, r};
    const p::Observations seen = probe_partners(list, options, backends, errors);
    EXPECT_TRUE(errors.empty());
    const std::vector<std::string> expected{
        "_sipfederationtls._tcp.ok.example", "edge.proxy.example", "edge.proxy.example",
        "_xmpp-server._tcp.jabber.example", "sip.ok.example", "sip.ok.example",
        // XMPP without SRV falls back to the domain itself (RFC 6120 3.2.2).
        "jabber.example", "jabber.example", "tcp:192.0.2.1", "tcp:192.0.2.2",
        "tls:edge.proxy.example", "tls:sip.ok.example"};
    std::vector<std::string> asked = r.asked;
    std::sort(asked.begin() + 10, asked.end());  // TLS sessions run on threads
    EXPECT_EQ(asked, expected);
    EXPECT_EQ(seen.tls.size(), 2u);
}

// Port 5061 of 192.0.2.2 is filtered; the TLS backend throws for a batch of more than one
// probe when `throw_for_batches` (as a replay missing one handshake does) and for any probe of
// `missing`. Requests come from two threads when TLS overlaps the TCP sweep.
struct PartlyOpen : Recorder {
    std::mutex mutex;
    bool throw_for_batches = false;
    std::string missing;
    std::vector<std::string> tls_asked;
    std::vector<p::TcpObservation> probe(const std::vector<p::TcpProbe>& probes) override {
        std::vector<p::TcpObservation> out;
        for (const auto& t : probes) {
            out.push_back(
                tcp(t.address, t.port,
                    t.address == "192.0.2.2" ? p::TcpOutcome::filtered : p::TcpOutcome::open));
        }
        return out;
    }
    std::vector<p::TlsObservation> probe(const std::vector<p::TlsProbe>& probes) override {
        const std::lock_guard<std::mutex> lock(mutex);
        if (throw_for_batches && probes.size() > 1) throw std::runtime_error("batch");
        std::vector<p::TlsObservation> out;
        for (const auto& t : probes) {
            if (t.sni == missing) throw std::runtime_error("no handshake recorded for " + t.sni);
            tls_asked.push_back(t.sni);
            out.push_back(tls(t.address, t.sni, pki().leaf(t.sni)));
        }
        return out;
    }
    using Recorder::probe;
};

PartnerList two_sip_partners() {
    PartnerList list;
    PartnerEntry ok;
    ok.domain = "ok.example";
    PartnerEntry proxy;
    proxy.domain = "proxy.example";
    proxy.proxy_fqdn = "edge.proxy.example";
    list.partners = {ok, proxy};
    return list;
}

p::Observations two_sip_world() {
    p::Observations world = healthy("ok.example", "192.0.2.1");
    world.dns.push_back(address("edge.proxy.example", p::DnsType::A, {"192.0.2.2"}));
    return world;
}

TEST(PartnerProbes, PassOverlappedTlsKeepsOnlyTheHandshakesOfOpenEndpoints) {
    for (const bool overlap : {false, true}) {
        SCOPED_TRACE(overlap);
        PartlyOpen r;
        r.world = two_sip_world();
        PartnerProbeOptions options;
        options.dns_server = "127.0.0.1";
        options.overlap_tls_with_tcp = overlap;
        std::vector<std::string> errors;
        PartnerProbeBackends backends{r, r, r, r};
        const p::Observations seen = probe_partners(two_sip_partners(), options, backends, errors);
        EXPECT_TRUE(errors.empty());
        // Overlapped, the handshakes start before the sweep has said which ports are open.
        std::sort(r.tls_asked.begin(), r.tls_asked.end());
        const std::vector<std::string> expected =
            overlap ? std::vector<std::string>{"edge.proxy.example", "sip.ok.example"}
                    : std::vector<std::string>{"sip.ok.example"};
        EXPECT_EQ(r.tls_asked, expected);
        ASSERT_EQ(seen.tls.size(), 1u);
        EXPECT_EQ(seen.tls[0].probe.sni, "sip.ok.example");
        EXPECT_EQ(seen.tcp.size(), 2u);
    }
}

TEST(PartnerProbes, ErrorOnlyForTheProbeABatchFailedOn) {
    PartlyOpen r;
    r.world = healthy("ok.example", "192.0.2.1");
    r.world.dns.push_back(address("sip.second.example", p::DnsType::A, {"192.0.2.3"}));
    r.world.dns.push_back(
        srv("_sipfederationtls._tcp.second.example", {{0, 0, 5061, "sip.second.example"}}));
    r.throw_for_batches = true;
    r.missing = "sip.second.example";
    PartnerList list;
    PartnerEntry ok;
    ok.domain = "ok.example";
    PartnerEntry second;
    second.domain = "second.example";
    list.partners = {ok, second};
    PartnerProbeOptions options;
    options.dns_server = "127.0.0.1";
    std::vector<std::string> errors;
    PartnerProbeBackends backends{r, r, r, r};
    const p::Observations seen = probe_partners(list, options, backends, errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("sip.second.example"), std::string::npos) << errors[0];
    ASSERT_EQ(seen.tls.size(), 1u);
    EXPECT_EQ(seen.tls[0].probe.sni, "sip.ok.example");
}

}  // namespace
}  // namespace edgeplan::checks::partners
