// Live certificate and TLS checks over recorded observations: chains generated at test time
// (tests/certificates/test_pki.h), TLS / XMPP observations built as a recording would hold them,
// one row per outcome. The same rules judge files (tests/checks_live/certificate_file_test.cpp).
#include <gtest/gtest.h>

#include <functional>

#include "../probes/test_support.h"
#include "checks/certificate_settings.h"
#include "checks/certificates_live/tls_targets.h"
#include "checks/offline_support.h"
#include "live_fixture.h"
#include "tests/certificates/test_pki.h"

namespace edgeplan::checks::live_test {
namespace {

using certificates_live::TlsTarget;
using certificates_live::XmppTarget;
using topology::CertificateUse;

// dnslb_topology() with a second SIP domain (CERT-EXT-05 needs sip.<each domain>) and AOL
// public IM (CERT-EXT-10 needs clientAuth).
std::string tls_topology() {
    std::string text = dnslb_topology();
    const std::string domain = R"(<SipDomain name="contoso.com" default="true"/>)";
    text.replace(text.find(domain), domain.size(), domain + R"(<SipDomain name="contoso.org"/>)");
    const std::string partner = R"(<AllowedDomain domain="fabrikam.com"/>)";
    text.replace(
        text.find(partner), partner.size(),
        partner + R"(<PublicProvider name="aol" enabled="true" proxyFqdn="sip.oscar.aol.com"/>)");
    return text;
}

pki_test::CertSpec good_external() {
    pki_test::CertSpec s;
    s.cn = "sip.contoso.com";
    s.sans = {"sip.contoso.com", "webcon.contoso.com", "sip.contoso.org", "contoso.com",
              "xmpp.contoso.com"};
    s.client_auth = true;
    return s;
}

pki_test::CertSpec good_internal() {
    pki_test::CertSpec s;
    s.cn = "edgepool.contoso.net";
    s.sans = {"edgepool.contoso.net"};
    return s;
}

std::vector<probes::DerBlob> chain_of(const pki_test::Issued& leaf) {
    const auto der = pki_test::der_of(leaf.cert);
    return {probes::DerBlob(der.begin(), der.end())};
}

// A healthy TLS world: every endpoint open, presenting the good certificates, SIP answering.
struct TlsWorld {
    probes_test::TempDir dir;
    pki_test::Issued ca;
    pki_test::Issued external;
    pki_test::Issued internal;
    World world = load_world(tls_topology());
    CertificateSettings certificates;

    TlsWorld() {
        pki_test::CertSpec root;
        root.cn = "live test root";
        root.ca = true;
        ca = pki_test::issue(root);
        external = pki_test::issue(good_external(), &ca);
        internal = pki_test::issue(good_internal(), &ca);
        const auto ca_file = dir.path() / "ca.pem";
        pki_test::write_text(ca_file, pki_test::pem_of(ca.cert));
        certificates.ca_file = ca_file.string();
        world.settings.sides = {ProbeSide::external, ProbeSide::internal};
        world.observations = healthy_dns();
        const CheckContext c = context();
        for (CertificateUse use : {CertificateUse::external, CertificateUse::internal}) {
            for (const TlsTarget& t : certificates_live::tls_targets(c, use)) {
                world.observations.tcp.push_back(
                    {{t.address, t.port, std::nullopt}, probes::TcpOutcome::open, 1, ""});
                probes::TlsObservation o;
                o.probe = certificates_live::tls_probe_for(t);
                o.connected = o.handshake_ok = true;
                o.protocol = "TLSv1.3";
                o.cipher = "TLS_AES_256_GCM_SHA384";
                o.peer_chain = chain_of(use == CertificateUse::external ? external : internal);
                o.legacy_tls_accepted = false;
                if (o.probe.send_sip_options) {
                    o.sip_outcome = probes::SipOutcome::answered;
                    o.sip_status_line = "SIP/2.0 200 OK";
                    o.sip_status_code = 200;
                }
                world.observations.tls.push_back(o);
            }
        }
        for (const XmppTarget& t : certificates_live::xmpp_targets(c)) {
            world.observations.tcp.push_back(
                {{t.address, t.port, std::nullopt}, probes::TcpOutcome::open, 1, ""});
            probes::XmppObservation o;
            o.probe = certificates_live::xmpp_probe_for(t);
            o.outcome = probes::XmppOutcome::tls_negotiated;
            o.starttls_offered = true;
            o.dialback_offered = true;
            o.tls_protocol = "TLSv1.3";
            o.peer_chain = chain_of(external);
            world.observations.xmpp.push_back(o);
        }
    }

    CheckContext context() const {
        CheckContext c = world.context();
        c.certificates = &certificates;
        return c;
    }

    probes::TlsObservation& tls(const std::string& address, int port) {
        for (auto& o : world.observations.tls) {
            if (o.probe.address == address && o.probe.port == port) return o;
        }
        throw std::runtime_error("no TLS observation " + address);
    }

    void present(const std::string& address, int port, const pki_test::CertSpec& spec,
                 const pki_test::Issued* issuer = nullptr) {
        tls(address, port).peer_chain = chain_of(pki_test::issue(spec, issuer ? issuer : &ca));
    }
};

// An endpoint that failed the TLS 1.2/1.3 handshake but took the TLS 1.0-only one.
void only_legacy(probes::TlsObservation& o) {
    o.handshake_ok = false;
    o.protocol.clear();
    o.error = "handshake failure";
    o.legacy_tls_accepted = true;
    o.legacy_protocol = "TLSv1";
}

struct Row {
    const char* name;
    std::function<void(TlsWorld&)> change;
    const char* id;
    const char* subject;
    Status expected;
    const char* evidence_key = nullptr;  // optional evidence the finding must carry
    const char* evidence_value = nullptr;
};

class CertificateLiveTest : public ::testing::TestWithParam<Row> {};

TEST_P(CertificateLiveTest, Outcome) {
    const Row& row = GetParam();
    TlsWorld w;
    row.change(w);
    const auto findings = w.world.check(row.id).evaluate(w.context());
    const Finding* f = find(findings, row.subject);
    ASSERT_NE(f, nullptr) << row.id << " has no finding for " << row.subject;
    EXPECT_EQ(f->status, row.expected) << f->message;
    if (row.evidence_key) {
        EXPECT_TRUE(has_evidence(*f, row.evidence_key, row.evidence_value))
            << row.evidence_key << "=" << row.evidence_value << " missing: " << f->message;
    }
}

void none(TlsWorld&) {}

const Row kRows[] = {
    // The good chain passes every live rule (each ID named, as the catalogue test requires).
    {"pass - chain trusted", none, "CERT-EXT-01", "tls:203.0.113.11:443", Status::pass},
    {"pass - subject", none, "CERT-EXT-02", "tls:203.0.113.11:5061", Status::pass},
    {"pass - Access Edge FQDN in SAN", none, "CERT-EXT-03", "tls:203.0.113.12:443", Status::pass},
    {"pass - Web Conferencing FQDN in SAN", none, "CERT-EXT-04", "tls:203.0.113.21:443",
     Status::pass},
    {"pass - sip.<domain> for every SIP domain", none, "CERT-EXT-05", "tls:203.0.113.11:443",
     Status::pass},
    {"pass - no wildcard", none, "CERT-EXT-08", "tls:203.0.113.11:443", Status::pass},
    {"pass - serverAuth", none, "CERT-EXT-09", "tls:203.0.113.11:443", Status::pass},
    {"pass - clientAuth with AOL", none, "CERT-EXT-10", "tls:203.0.113.11:5061", Status::pass},
    {"pass - members present the same certificate", none, "CERT-EXT-13",
     "tls-pool:edgepool/access_client", Status::pass},
    {"pass - valid for a year", none, "CERT-EXT-16", "tls:203.0.113.11:443", Status::pass},
    {"pass - RSA 2048", none, "CERT-EXT-20", "tls:10.0.30.11:5061", Status::pass},
    {"pass - SHA-256 signature", none, "CERT-EXT-21", "tls:203.0.113.11:443", Status::pass},
    {"pass - legacy TLS refused", none, "CERT-EXT-22", "tls:203.0.113.11:443", Status::pass},
    {"pass - internal chain trusted", none, "CERT-INT-01", "tls:10.0.30.11:5061", Status::pass},
    {"pass - internal subject", none, "CERT-INT-02", "tls:10.0.30.12:5061", Status::pass},
    {"pass - internal subject not a wildcard", none, "CERT-INT-03", "tls:10.0.30.11:5061",
     Status::pass},
    {"pass - internal serverAuth", none, "CERT-INT-04", "tls:10.0.30.11:5061", Status::pass},
    {"pass - internal members match", none, "CERT-INT-05", "tls-pool:edgepool/internal_sip",
     Status::pass},
    {"pass - names resolve and are on the certificate", none, "CERT-CROSS-01",
     "tls:203.0.113.11:443", Status::pass},
    {"pass - XMPP domain in the 5269 certificate", none, "CERT-XMPP-01", "xmpp:203.0.113.11:5269",
     Status::pass},
    {"pass - xmpp.<domain> listed", none, "CERT-XMPP-03", "xmpp:203.0.113.12:5269", Status::pass},
    {"pass - SIP answers OPTIONS", none, "PORT-EXT-15", "tls:203.0.113.11:5061", Status::pass,
     "observed", "SIP/2.0 200 OK"},
    {"pass - STARTTLS negotiated, dialback reported", none, "XMPP-17", "xmpp:203.0.113.11:5269",
     Status::pass, "dialback", "yes"},
    // Outcomes.
    {"fail - SAN misses sip.contoso.org",
     [](TlsWorld& w) {
         auto s = good_external();
         s.sans = {"sip.contoso.com", "webcon.contoso.com", "contoso.com", "xmpp.contoso.com"};
         w.present("203.0.113.11", 443, s);
     },
     "CERT-EXT-05", "tls:203.0.113.11:443", Status::fail, "missing", "sip.contoso.org"},
    {"fail - no clientAuth EKU with AOL public IM",
     [](TlsWorld& w) {
         auto s = good_external();
         s.client_auth = false;
         w.present("203.0.113.11", 5061, s);
     },
     "CERT-EXT-10", "tls:203.0.113.11:5061", Status::fail},
    {"fail - expired certificate (CERT-EXT-16)",
     [](TlsWorld& w) {
         auto s = good_external();
         s.not_before_s = -3 * 86400;
         s.not_after_s = -86400;
         w.present("203.0.113.11", 443, s);
     },
     "CERT-EXT-16", "tls:203.0.113.11:443", Status::fail},
    {"fail - expired certificate also fails the chain (CERT-EXT-01)",
     [](TlsWorld& w) {
         auto s = good_external();
         s.not_before_s = -3 * 86400;
         s.not_after_s = -86400;
         w.present("203.0.113.11", 443, s);
     },
     "CERT-EXT-01", "tls:203.0.113.11:443", Status::fail},
    {"warn - expires within the warning period",
     [](TlsWorld& w) {
         auto s = good_external();
         s.not_after_s = 10 * 86400;
         w.present("203.0.113.11", 443, s);
     },
     "CERT-EXT-16", "tls:203.0.113.11:443", Status::warn},
    {"fail - untrusted root",
     [](TlsWorld& w) {
         pki_test::CertSpec other;
         other.cn = "someone else's root";
         other.ca = true;
         const auto rogue = pki_test::issue(other);
         w.present("203.0.113.21", 443, good_external(), &rogue);
     },
     "CERT-EXT-01", "tls:203.0.113.21:443", Status::fail},
    {"fail - members present different certificates",
     [](TlsWorld& w) { w.present("203.0.113.12", 443, good_external()); }, "CERT-EXT-13",
     "tls-pool:edgepool/access_client", Status::fail},
    {"fail - internal members differ",
     [](TlsWorld& w) { w.present("10.0.30.12", 5061, good_internal()); }, "CERT-INT-05",
     "tls-pool:edgepool/internal_sip", Status::fail},
    {"fail - weak RSA 1024 key",
     [](TlsWorld& w) {
         auto s = good_external();
         s.rsa_bits = 1024;
         w.present("203.0.113.11", 443, s);
     },
     "CERT-EXT-20", "tls:203.0.113.11:443", Status::fail},
    {"fail - SHA-1 signature",
     [](TlsWorld& w) {
         auto s = good_external();
         s.md = EVP_sha1();
         w.present("203.0.113.11", 443, s);
     },
     "CERT-EXT-21", "tls:203.0.113.11:443", Status::fail},
    {"fail - webconf FQDN has no DNS record",
     [](TlsWorld& w) {
         answer(w.world.observations, "webcon.contoso.com", DnsType::A, kExternal,
                DnsOutcome::nxdomain);
     },
     "CERT-CROSS-01", "tls:203.0.113.11:443", Status::fail},
    {"warn - legacy TLS accepted",
     [](TlsWorld& w) {
         w.tls("203.0.113.11", 443).legacy_tls_accepted = true;
         w.tls("203.0.113.11", 443).legacy_protocol = "TLSv1";
     },
     "CERT-EXT-22", "tls:203.0.113.11:443", Status::warn, "observed", "TLSv1 accepted"},
    {"pass - federation port negotiates TLS 1.3", none, "FED-13", "tls:203.0.113.11:5061",
     Status::pass, "tls_version", "TLSv1.3"},
    {"fail - federation port speaks only TLS 1.0",
     [](TlsWorld& w) { only_legacy(w.tls("203.0.113.11", 5061)); }, "FED-13",
     "tls:203.0.113.11:5061", Status::fail, "observed",
     "only TLSv1 (a TLS 1.2/1.3 handshake failed)"},
    {"skip - federation port TLS version not measured",
     [](TlsWorld& w) {
         auto& o = w.tls("203.0.113.11", 5061);
         o.handshake_ok = false;
         o.protocol.clear();
         o.legacy_tls_accepted = false;
     },
     "FED-13", "tls:203.0.113.11:5061", Status::skip},
    {"fail - SIP silence",
     [](TlsWorld& w) {
         w.tls("203.0.113.11", 5061).sip_outcome = probes::SipOutcome::silent;
         w.tls("203.0.113.11", 5061).sip_detail = "timeout";
     },
     "PORT-EXT-15", "tls:203.0.113.11:5061", Status::fail},
    {"fail - non-SIP answer",
     [](TlsWorld& w) {
         w.tls("203.0.113.12", 443).sip_outcome = probes::SipOutcome::non_sip;
         w.tls("203.0.113.12", 443).sip_detail = "HTTP/1.1 400 Bad Request";
     },
     "PORT-EXT-15", "tls:203.0.113.12:443", Status::fail},
    {"skip - client certificate required, recorded as evidence",
     [](TlsWorld& w) {
         auto& o = w.tls("203.0.113.11", 5061);
         o.handshake_ok = false;
         o.client_cert_requested = o.client_cert_required_failure = true;
         o.sip_outcome = probes::SipOutcome::skipped_client_cert_required;
     },
     "PORT-EXT-15", "tls:203.0.113.11:5061", Status::skip, "observed",
     "client certificate required (mutual TLS)"},
    {"pass - the chain is still judged when a client certificate is required",
     [](TlsWorld& w) {
         auto& o = w.tls("203.0.113.11", 5061);
         o.handshake_ok = false;
         o.client_cert_requested = o.client_cert_required_failure = true;
         o.sip_outcome = probes::SipOutcome::skipped_client_cert_required;
     },
     "CERT-EXT-05", "tls:203.0.113.11:5061", Status::pass},
    {"fail - 5269 without STARTTLS",
     [](TlsWorld& w) {
         for (auto& o : w.world.observations.xmpp) {
             o.outcome = probes::XmppOutcome::features_read;
             o.starttls_offered = false;
             o.peer_chain.clear();
         }
     },
     "XMPP-17", "xmpp:203.0.113.11:5269", Status::fail, "starttls", "no"},
    {"skip - XMPP certificate unread without STARTTLS",
     [](TlsWorld& w) {
         for (auto& o : w.world.observations.xmpp) {
             o.outcome = probes::XmppOutcome::features_read;
             o.peer_chain.clear();
         }
     },
     "CERT-XMPP-01", "xmpp:203.0.113.11:5269", Status::skip},
    {"skip - TCP closed, no TLS",
     [](TlsWorld& w) {
         for (auto& o : w.world.observations.tcp) {
             if (o.probe.address == "203.0.113.11" && o.probe.port == 443) {
                 o.outcome = probes::TcpOutcome::closed;
             }
         }
     },
     "CERT-EXT-05", "tls:203.0.113.11:443", Status::skip},
    {"error - no TLS observation",
     [](TlsWorld& w) {
         auto& tls = w.world.observations.tls;
         tls.erase(std::remove_if(tls.begin(), tls.end(),
                                  [](const auto& o) {
                                      return o.probe.address == "203.0.113.12" &&
                                             o.probe.port == 443;
                                  }),
                   tls.end());
     },
     "CERT-EXT-09", "tls:203.0.113.12:443", Status::error},
};

INSTANTIATE_TEST_SUITE_P(Rows, CertificateLiveTest, ::testing::ValuesIn(kRows),
                         [](const ::testing::TestParamInfo<Row>& param) {
                             std::string name = param.param.name;
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });

// FED-13 follows --now: before Microsoft 365 deprecated TLS 1.0/1.1 (15 October 2020) a
// legacy-only federation port warns, from that day it fails.
TEST(CertificateLive, FederationTls12FollowsTheClock) {
    TlsWorld w;
    only_legacy(w.tls("203.0.113.11", 5061));
    const struct {
        Clock::time_point now;
        Status expected;
    } cases[] = {{utc_date(2020, 10, 14), Status::warn}, {utc_date(2020, 10, 15), Status::fail}};
    for (const auto& c : cases) {
        CheckContext context = w.context();
        context.now = c.now;
        const auto findings = w.world.check("FED-13").evaluate(context);
        const Finding* f = find(findings, "tls:203.0.113.11:5061");
        ASSERT_NE(f, nullptr);
        EXPECT_EQ(f->check_id, "FED-13");
        EXPECT_EQ(f->status, c.expected) << f->message;
    }
}

TEST(CertificateLive, OfflineRunSkips) {
    TlsWorld w;
    CheckContext c = w.world.context(false);
    const auto findings = w.world.check("CERT-EXT-05").evaluate(c);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].status, Status::skip);
    EXPECT_EQ(findings[0].skip_reason, "offline");
}

TEST(CertificateLive, RequestsOnlyPlanEndpointsOncePerEndpoint) {
    TlsWorld w;
    probes::ProbeRequests requests = collect_requests(
        [&] {
            std::vector<const Check*> all;
            for (const auto& c : w.world.checks) all.push_back(c.get());
            return all;
        }(),
        w.context(), {});
    // 2 members x (443, 5061, webconf 443) external + 2 internal 5061.
    EXPECT_EQ(requests.tls.size(), 8u);
    EXPECT_EQ(requests.xmpp.size(), 2u);
    const auto allowed = plan_addresses(w.world.plan);
    for (const auto& p : requests.tls) {
        EXPECT_TRUE(allowed.count(p.address)) << p.address;
        EXPECT_EQ(p.send_sip_options, p.address.rfind("203.0.113.1", 0) == 0) << p.address;
    }
}

}  // namespace
}  // namespace edgeplan::checks::live_test
