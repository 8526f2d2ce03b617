// The TLS prober (make_openssl_tls_prober) and the XMPP STARTTLS prober against hostile peers
// written here: silence, a one-byte drip, garbage, a close in the middle of the ServerHello,
// Certificate messages that are no certificates, chains past OpenSSL's size limit, and
// certificates that are valid DER but odd (a NUL inside a dNSName, an empty subject, a 16 KB SAN
// list). Each ends as an observation the checks turn into a finding, without an exception and
// within the timeout plus slack; chains that were read go through the same parse and evaluate
// path as `edgeplan check` (checks/certificates_live/certificate_rule_live.cpp).
#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "checks/certificates/certificate_parser.h"
#include "checks/certificates/certificate_rules.h"
#include "checks/certificates/name_match.h"
#include "checks/probes/tls_prober.h"
#include "checks/probes/xmpp_prober.h"
#include "tests/hostile/tls_hostile_handlers.h"
#include "tests/hostile/tls_server.h"

namespace edgeplan::hostile_test {
namespace {

namespace certs = checks::certificates;
namespace probes = checks::probes;
using checks::Status;

constexpr auto kTimeout = milliseconds(1000);
constexpr auto kSlack = milliseconds(1500);
// Faster than the timeout: a prober that restarted its clock on each byte would never finish.
constexpr auto kDripInterval = milliseconds(250);
// Failures that need no waiting: well under the timeout, even on a loaded 2-core box.
constexpr auto kQuick = milliseconds(700);
const std::string kNul("sip.contoso.com\0.evil.com", 25);
const std::string kNulWebconf("webcon.contoso.com\0.evil.com", 28);

enum class Ends { timeout, quickly, handshake_ok };

struct RuleExpectation {
    std::string rule_id;
    Status status;
};

struct Row {
    Row(std::string name_, Handler server_, Ends ends_, std::string error_has_ = {},
        std::size_t chain_size_ = 0, std::vector<RuleExpectation> rules_ = {})
        : name(std::move(name_)),
          server(std::move(server_)),
          ends(ends_),
          error_has(std::move(error_has_)),
          chain_size(chain_size_),
          rules(std::move(rules_)) {}
    std::string name;  // starts with the expected outcome
    Handler server;
    Ends ends;
    std::string error_has;               // part of the prober's error text; empty = any
    std::size_t chain_size;              // certificates kept from the handshake
    std::vector<RuleExpectation> rules;  // certificate rules over the kept chain
};

// The chains and the CA file they verify against, made once for all rows.
struct Material {
    probes_test::TempDir dir;
    Chain deep = long_chain(60, 0);         // ~30 KB: under OpenSSL's 100 KiB limit
    Chain oversized = long_chain(100, 20);  // ~150 KB: over it
    Chain nul = named_leaf(kNul, {kNul, kNulWebconf});
    Chain no_subject = named_leaf("", {"sip.contoso.com", "webcon.contoso.com"});
    Chain big_san;
    std::string ca_file;  // the roots of every chain above

    Material() {
        auto spec = ec_spec("sip.contoso.com", false);
        for (int i = 0; i < 340; ++i) {
            spec.sans.push_back("name-" + std::to_string(i) + ".long-san-list.contoso.com");
        }
        spec.sans.push_back("sip.contoso.com");
        spec.sans.push_back("webcon.contoso.com");
        big_san.root = fresh_root();
        big_san.leaf = pki_test::issue(spec, &big_san.root);
        std::string pem;
        for (const Chain* c : {&deep, &oversized, &nul, &no_subject, &big_san}) {
            pem += pki_test::pem_of(c->root.cert);
        }
        ca_file = (dir.path() / "roots.pem").string();
        pki_test::write_text(ca_file, pem);
    }
};

const Material& material() {
    static const Material m;
    return m;
}

std::string der_text(const pki_test::Cert& cert) {
    const auto der = pki_test::der_of(cert);
    return std::string(der.begin(), der.end());
}

// What `edgeplan check` does with a presented chain: parse, verify against the CA file at the
// run's clock, evaluate the external Access Edge certificate rules.
std::vector<certs::RuleResult> judge(const std::vector<probes::DerBlob>& chain,
                                     const std::vector<std::string>& xmpp_domains = {}) {
    certs::VerifyOptions verify;
    verify.ca_file = material().ca_file;
    const certs::CertificateChainFacts facts = certs::parse_der_chain(chain, verify);
    certs::CertificateExpectation expected;
    expected.subject = "sip.contoso.com";
    expected.webconf_fqdn = "webcon.contoso.com";
    expected.sip_domains = {"contoso.com"};
    expected.xmpp_domains = xmpp_domains;
    return certs::evaluate_certificate(facts, expected, {});
}

void expect_rules(const std::vector<probes::DerBlob>& chain,
                  const std::vector<RuleExpectation>& rules,
                  const std::vector<std::string>& xmpp_domains = {}) {
    if (rules.empty()) return;
    std::vector<certs::RuleResult> results;
    ASSERT_NO_THROW(results = judge(chain, xmpp_domains));
    for (const RuleExpectation& want : rules) {
        bool seen = false;
        for (const auto& r : results) {
            if (r.rule_id != want.rule_id) continue;
            seen = true;
            EXPECT_EQ(r.status, want.status) << want.rule_id << ": " << r.message;
        }
        EXPECT_TRUE(seen) << want.rule_id;
    }
}

std::vector<Row> tls_rows() {
    const Material& m = material();
    const std::string real_der = der_text(m.nul.leaf.cert);
    return {
        {"timeout - accepts and never speaks", silent, Ends::timeout, "timed out"},
        {"timeout - drips a 16 KiB record one byte at a time", drip(kDripInterval), Ends::timeout,
         "timed out"},
        {"fail quickly - HTTP text instead of a ServerHello",
         answer_with("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Length: 0\r\n\r\n"),
         Ends::quickly},
        {"fail quickly - 4 KiB of random bytes", answer_with(noise(4096)), Ends::quickly},
        {"fail quickly - an endless XMPP stream instead of TLS", endless_xmpp, Ends::quickly},
        {"fail quickly - closes on accept", close_on_accept, Ends::quickly},
        {"fail quickly - half a ServerHello, then close", half_server_hello, Ends::quickly},
        {"fail quickly - Certificate message holds text, not DER",
         bad_certificate({"this is not a DER certificate, just text"}), Ends::quickly},
        {"fail quickly - Certificate message holds truncated DER",
         bad_certificate({real_der.substr(0, real_der.size() / 2)}), Ends::quickly},
        {"fail quickly - certificate_list length claims 1000 bytes more than sent",
         bad_certificate({real_der}, 1000), Ends::quickly},
        {"fail quickly - chain over OpenSSL's 100 KiB certificate list limit",
         serve_tls(server_context(m.oversized)), Ends::quickly, "excessive message size"},
        {"handshake ok, CERT-EXT-01 fail - 61 certificates, the first 16 kept",
         serve_tls(server_context(m.deep)),
         Ends::handshake_ok,
         "",
         16,
         {{"CERT-EXT-01", Status::fail}}},
        {"handshake ok, CERT-EXT-03/04 fail, CERT-EXT-02 warn - NUL inside the CN and dNSNames",
         serve_tls(server_context(m.nul)),
         Ends::handshake_ok,
         "",
         1,
         {{"CERT-EXT-01", Status::pass},
          {"CERT-EXT-02", Status::warn},
          {"CERT-EXT-03", Status::fail},
          {"CERT-EXT-04", Status::fail}}},
        {"handshake ok, CERT-EXT-02 warn - empty subject, names in a critical SAN",
         serve_tls(server_context(m.no_subject)),
         Ends::handshake_ok,
         "",
         1,
         {{"CERT-EXT-01", Status::pass},
          {"CERT-EXT-02", Status::warn},
          {"CERT-EXT-03", Status::pass}}},
        {"handshake ok, CERT-EXT-03/04 pass - the names at the end of a 16 KB SAN list",
         serve_tls(server_context(m.big_san)),
         Ends::handshake_ok,
         "",
         1,
         {{"CERT-EXT-01", Status::pass},
          {"CERT-EXT-03", Status::pass},
          {"CERT-EXT-04", Status::pass}}},
    };
}

void expect_elapsed(const Row& row, Clock::duration elapsed) {
    const auto ms = std::chrono::duration_cast<milliseconds>(elapsed);
    std::cout << "[ elapsed ] " << ms.count() << " ms  " << row.name << "\n";
    EXPECT_LE(elapsed, kTimeout + kSlack);
    if (row.ends == Ends::timeout) {
        EXPECT_GE(elapsed, kTimeout - milliseconds(50));
    }
    if (row.ends == Ends::quickly) {
        EXPECT_LE(elapsed, kQuick);
    }
}

// The Access Edge 5061 probe as `edgeplan check` asks for it: SNI, SIP OPTIONS, legacy TLS.
TEST(HostileTls, EveryPeerEndsAsEvidenceWithinTheTimeout) {
    for (const Row& row : tls_rows()) {
        SCOPED_TRACE(row.name);
        StreamPeer peer("127.0.0.95", 0, row.server);
        ASSERT_TRUE(peer.ok());
        probes::TlsProberOptions options;
        options.timeout = kTimeout;
        probes::TlsProbe probe;
        probe.address = peer.address();
        probe.port = peer.port();
        probe.sni = "sip.contoso.com";
        probe.send_sip_options = true;
        probe.check_legacy_tls = true;
        std::vector<probes::TlsObservation> observations;
        const auto start = Clock::now();
        ASSERT_NO_THROW(observations = probes::make_openssl_tls_prober(options)->probe({probe}));
        const auto elapsed = Clock::now() - start;
        ASSERT_EQ(observations.size(), 1u);
        const probes::TlsObservation& o = observations[0];
        expect_elapsed(row, elapsed);
        EXPECT_TRUE(o.connected) << o.error;
        EXPECT_EQ(o.handshake_ok, row.ends == Ends::handshake_ok) << o.error;
        if (row.ends != Ends::handshake_ok) {
            EXPECT_FALSE(o.error.empty());
            EXPECT_TRUE(o.peer_chain.empty());
            EXPECT_EQ(o.sip_outcome, probes::SipOutcome::not_attempted);
            if (row.ends == Ends::quickly) {
                EXPECT_EQ(o.error.find("timed out"), std::string::npos);
            }
        } else {
            // The server closes after the OPTIONS and refuses TLS 1.0/1.1.
            EXPECT_EQ(o.sip_outcome, probes::SipOutcome::closed) << o.sip_detail;
            EXPECT_EQ(o.legacy_tls_accepted, std::optional<bool>(false));
        }
        if (row.ends == Ends::timeout) {
            // One timeout per endpoint: no legacy handshake after a silent modern one.
            EXPECT_FALSE(o.legacy_tls_accepted.has_value());
        }
        if (!row.error_has.empty()) {
            EXPECT_NE(o.error.find(row.error_has), std::string::npos) << o.error;
        }
        EXPECT_EQ(o.peer_chain.size(), row.chain_size);
        expect_rules(o.peer_chain, row.rules);
    }
}

// 5269: STARTTLS is offered and proceeds, then the TLS side is hostile.
TEST(HostileTls, XmppAfterProceedEndsAsEvidenceWithinTheTimeout) {
    const Material& m = material();
    const std::vector<Row> rows = {
        {"tls_failed timeout - silence after <proceed/>", after_starttls(silent), Ends::timeout},
        {"tls_failed timeout - a drip after <proceed/>", after_starttls(drip(kDripInterval)),
         Ends::timeout},
        {"tls_failed - random bytes after <proceed/>", after_starttls(answer_with(noise(4096))),
         Ends::quickly},
        {"tls_failed - a Certificate message of text after <proceed/>",
         after_starttls(bad_certificate({"not DER at all"})), Ends::quickly},
        {"tls_failed - a chain over 100 KiB after <proceed/>",
         after_starttls(serve_tls(server_context(m.oversized))), Ends::quickly,
         "excessive message size"},
        {"tls_negotiated, CERT-XMPP-01 fail - NUL inside the dNSNames",
         after_starttls(serve_tls(server_context(m.nul))),
         Ends::handshake_ok,
         "",
         1,
         {{"CERT-XMPP-01", Status::fail}}},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.name);
        StreamPeer peer("127.0.0.96", 0, row.server);
        ASSERT_TRUE(peer.ok());
        probes::XmppProberOptions options;
        options.timeout = kTimeout;
        probes::XmppProbe probe;
        probe.address = peer.address();
        probe.port = peer.port();
        probe.domain = "contoso.com";
        std::vector<probes::XmppObservation> observations;
        const auto start = Clock::now();
        ASSERT_NO_THROW(observations = probes::make_xmpp_starttls_prober(options)->probe({probe}));
        const auto elapsed = Clock::now() - start;
        ASSERT_EQ(observations.size(), 1u);
        const probes::XmppObservation& o = observations[0];
        expect_elapsed(row, elapsed);
        EXPECT_TRUE(o.starttls_offered);
        EXPECT_EQ(o.outcome, row.ends == Ends::handshake_ok ? probes::XmppOutcome::tls_negotiated
                                                            : probes::XmppOutcome::tls_failed)
            << probes::to_string(o.outcome) << ": " << o.detail;
        if (!row.error_has.empty()) {
            EXPECT_NE(o.detail.find(row.error_has), std::string::npos) << o.detail;
        }
        EXPECT_EQ(o.peer_chain.size(), row.chain_size);
        expect_rules(o.peer_chain, row.rules, {"contoso.com"});
    }
}

// The NUL row's names survive parsing with their full length and match nothing: a C-string
// comparison would read "sip.contoso.com" (RFC 5280 4.2.1.6: dNSName is an IA5String, and a NUL
// is no valid host name character).
TEST(HostileTls, EmbeddedNulNamesKeepTheirLengthAndMatchNothing) {
    certs::VerifyOptions verify;
    verify.verify = false;
    const auto facts =
        certs::parse_der_chain({pki_test::der_of(material().nul.leaf.cert)}, verify).leaf;
    ASSERT_EQ(facts.san_dns.size(), 2u);
    EXPECT_EQ(facts.san_dns[0], kNul);
    EXPECT_EQ(facts.subject_cn, kNul);
    EXPECT_FALSE(certs::dns_name_matches(facts.san_dns[0], "sip.contoso.com"));
    EXPECT_FALSE(certs::dns_name_matches(facts.subject_cn, "sip.contoso.com"));
    EXPECT_FALSE(certs::any_name_matches(facts.san_dns, "webcon.contoso.com"));
    EXPECT_TRUE(certs::dns_name_matches("sip.contoso.com", "sip.contoso.com"));
}

}  // namespace
}  // namespace edgeplan::hostile_test
