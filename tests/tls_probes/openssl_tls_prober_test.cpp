// The live TLS prober against `openssl s_server` and a SIP responder thread on 127.0.0.1.
#include <gtest/gtest.h>

#include "checks/certificates/certificate_parser.h"
#include "checks/probes/tls_prober.h"
#include "tests/support/required.h"
#include "tls_fixtures.h"

namespace edgeplan::checks::probes {
namespace {

using tls_test::Answer;
using tls_test::SipResponder;
using tls_test::SServer;
using tls_test::TestPki;

TlsProberOptions quick(const TestPki* client = nullptr) {
    TlsProberOptions o;
    o.timeout = std::chrono::milliseconds(1500);
    if (client) {
        o.client_cert_file = client->path("client.pem");
        o.client_key_file = client->path("client.key");
    }
    return o;
}

TlsProbe probe_of(std::uint16_t port, bool sip = false, bool legacy = false) {
    TlsProbe p;
    p.address = "127.0.0.1";
    p.port = port;
    p.sni = "sip.contoso.com";
    p.send_sip_options = sip;
    p.check_legacy_tls = legacy;
    return p;
}

class TlsProberTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!probes_test::have_program("openssl"))
            EDGEPLAN_REQUIRED_MISSING() << "openssl CLI not installed";
    }
    TestPki pki_;
};

TEST_F(TlsProberTest, PassReadsChainProtocolAndCipher) {
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, {});
    ASSERT_TRUE(server.ready());
    const auto o = make_openssl_tls_prober(quick())->probe({probe_of(port)}).at(0);
    EXPECT_TRUE(o.connected);
    EXPECT_TRUE(o.handshake_ok) << o.error;
    EXPECT_EQ(o.protocol, "TLSv1.3");
    EXPECT_FALSE(o.cipher.empty());
    ASSERT_EQ(o.peer_chain.size(), 2u);
    certificates::VerifyOptions verify;
    verify.ca_file = pki_.path("ca.pem");
    const auto facts = certificates::parse_der_chain(o.peer_chain, verify);
    EXPECT_EQ(facts.leaf.subject_cn, "sip.contoso.com");
    EXPECT_TRUE(facts.leaf.verification.trusted) << facts.leaf.verification.error;
    EXPECT_FALSE(o.client_cert_requested);
}

TEST_F(TlsProberTest, PassClientCertificateRequestedButOptional) {
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, {"-verify", "1"});
    ASSERT_TRUE(server.ready());
    const auto o = make_openssl_tls_prober(quick())->probe({probe_of(port)}).at(0);
    EXPECT_TRUE(o.handshake_ok) << o.error;
    EXPECT_TRUE(o.client_cert_requested);
    EXPECT_FALSE(o.client_cert_required_failure);
    EXPECT_FALSE(o.peer_chain.empty());
}

TEST_F(TlsProberTest, SkipSipWhenServerInsistsOnAClientCertificate) {
    // TLS 1.3: the server's certificate_required alert follows the client's Finished.
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, {"-Verify", "1"});
    ASSERT_TRUE(server.ready());
    const auto o = make_openssl_tls_prober(quick())->probe({probe_of(port, true)}).at(0);
    EXPECT_TRUE(o.client_cert_requested);
    EXPECT_TRUE(o.client_cert_required_failure) << o.error;
    EXPECT_FALSE(o.handshake_ok);
    EXPECT_EQ(o.sip_outcome, SipOutcome::skipped_client_cert_required);
    EXPECT_FALSE(o.peer_chain.empty()) << "the server certificate must still be read";
}

TEST_F(TlsProberTest, SkipSipOnTls12WhenServerInsistsOnAClientCertificate) {
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, {"-Verify", "1", "-tls1_2"});
    ASSERT_TRUE(server.ready());
    const auto o = make_openssl_tls_prober(quick())->probe({probe_of(port, true)}).at(0);
    EXPECT_EQ(o.protocol, "TLSv1.2");
    EXPECT_TRUE(o.client_cert_required_failure) << o.error;
    EXPECT_EQ(o.sip_outcome, SipOutcome::skipped_client_cert_required);
    EXPECT_FALSE(o.peer_chain.empty());
}

TEST_F(TlsProberTest, PassClientCertificatePresentedWhenGiven) {
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, {"-Verify", "1"});
    ASSERT_TRUE(server.ready());
    const auto o = make_openssl_tls_prober(quick(&pki_))->probe({probe_of(port)}).at(0);
    EXPECT_TRUE(o.client_cert_requested);
    EXPECT_TRUE(o.client_cert_presented);
    EXPECT_TRUE(o.handshake_ok) << o.error;
    EXPECT_FALSE(o.client_cert_required_failure);
}

TEST_F(TlsProberTest, WarnLegacyTlsAccepted) {
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, {"-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"});
    ASSERT_TRUE(server.ready());
    const auto o = make_openssl_tls_prober(quick())->probe({probe_of(port, false, true)}).at(0);
    ASSERT_TRUE(o.legacy_tls_accepted.has_value());
    if (!*o.legacy_tls_accepted && o.protocol.empty()) {
        GTEST_SKIP() << "this OpenSSL build cannot serve TLS 1.1: " << o.error;
    }
    EXPECT_TRUE(*o.legacy_tls_accepted);
    EXPECT_EQ(o.legacy_protocol, "TLSv1.1");
}

TEST_F(TlsProberTest, PassLegacyTlsRefusedByModernServer) {
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, {});
    ASSERT_TRUE(server.ready());
    const auto o = make_openssl_tls_prober(quick())->probe({probe_of(port, false, true)}).at(0);
    ASSERT_TRUE(o.legacy_tls_accepted.has_value());
    EXPECT_FALSE(*o.legacy_tls_accepted);
    EXPECT_TRUE(o.handshake_ok);
}

struct SipRow {
    const char* name;
    Answer answer;
    SipOutcome outcome;
};

class SipOptionsTest : public ::testing::TestWithParam<SipRow> {};

TEST_P(SipOptionsTest, Outcome) {
    TestPki pki;
    SipResponder responder(pki, GetParam().answer);
    ASSERT_TRUE(responder.ok());
    const auto o =
        make_openssl_tls_prober(quick())->probe({probe_of(responder.port(), true)}).at(0);
    EXPECT_TRUE(o.handshake_ok) << o.error;
    EXPECT_EQ(to_string(o.sip_outcome), std::string(to_string(GetParam().outcome))) << o.sip_detail;
    if (GetParam().outcome == SipOutcome::answered) {
        EXPECT_EQ(o.sip_status_code, 200);
        EXPECT_EQ(o.sip_status_line, "SIP/2.0 200 OK");
    }
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SipOptionsTest,
    ::testing::Values(SipRow{"pass_sip_200", Answer::sip_200, SipOutcome::answered},
                      SipRow{"fail_http_answer", Answer::http, SipOutcome::non_sip},
                      SipRow{"fail_silence", Answer::silence, SipOutcome::silent},
                      SipRow{"fail_closed_without_answer", Answer::close, SipOutcome::closed}),
    [](const auto& row_info) { return std::string(row_info.param.name); });

TEST(TlsProberConnect, FailClosedPortIsNotConnected) {
    const auto port = probes_test::free_port("127.0.0.1");
    const auto o = make_openssl_tls_prober(quick())->probe({probe_of(port)}).at(0);
    EXPECT_FALSE(o.connected);
    EXPECT_FALSE(o.error.empty());
}

}  // namespace
}  // namespace edgeplan::checks::probes
