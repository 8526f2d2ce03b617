// The event-driven TLS prober (make_epoll_tls_prober) against real TLS servers on 127.0.0.1
// (`openssl s_server` from the test CA) and hostile peers: it must observe exactly what the
// blocking prober observes (the partner rules judge both), keep many handshakes in flight, and
// end a silent or garbage-sending peer within the timeout.
#include <gtest/gtest.h>

#include <chrono>

#include "checks/probes/tls_prober.h"
#include "tests/hostile/stream_peer.h"
#include "tests/support/required.h"
#include "tls_fixtures.h"

namespace edgeplan::checks::probes {
namespace {

using tls_test::SServer;
using tls_test::TestPki;
using Clock = std::chrono::steady_clock;

constexpr auto kTimeout = std::chrono::milliseconds(1500);

TlsProberOptions quick(const TestPki* client = nullptr) {
    TlsProberOptions o;
    o.timeout = kTimeout;
    if (client) {
        o.client_cert_file = client->path("client.pem");
        o.client_key_file = client->path("client.key");
    }
    return o;
}

TlsProbe probe_of(std::uint16_t port, bool legacy = false) {
    TlsProbe p;
    p.address = "127.0.0.1";
    p.port = port;
    p.sni = "sip.contoso.com";
    p.check_legacy_tls = legacy;
    return p;
}

// The fields the partner and certificate rules read (elapsed_ms aside: it is a duration).
void expect_same(const TlsObservation& swept, const TlsObservation& blocking) {
    EXPECT_EQ(swept.connected, blocking.connected);
    EXPECT_EQ(swept.handshake_ok, blocking.handshake_ok);
    EXPECT_EQ(swept.error.empty(), blocking.error.empty())
        << "swept: " << swept.error << "; blocking: " << blocking.error;
    EXPECT_EQ(swept.protocol, blocking.protocol);
    EXPECT_EQ(swept.cipher, blocking.cipher);
    EXPECT_EQ(swept.peer_chain, blocking.peer_chain);
    EXPECT_EQ(swept.client_cert_requested, blocking.client_cert_requested);
    EXPECT_EQ(swept.client_cert_presented, blocking.client_cert_presented);
    EXPECT_EQ(swept.client_cert_required_failure, blocking.client_cert_required_failure);
    EXPECT_EQ(swept.legacy_tls_accepted, blocking.legacy_tls_accepted);
    EXPECT_EQ(swept.legacy_protocol, blocking.legacy_protocol);
    EXPECT_EQ(swept.sip_outcome, blocking.sip_outcome);
}

struct ServerRow {
    const char* name;
    std::vector<std::string> s_server_arguments;
    bool legacy = false;       // ask for the TLS 1.0/1.1 handshake too
    bool client_cert = false;  // the prober has --client-cert
    bool expect_ok = true;     // the handshake completes
    const char* expect_protocol;
};

class SameAsBlockingProber : public ::testing::TestWithParam<ServerRow> {
  protected:
    void SetUp() override {
        if (!probes_test::have_program("openssl"))
            EDGEPLAN_REQUIRED_MISSING() << "openssl CLI not installed";
    }
    TestPki pki_;
};

TEST_P(SameAsBlockingProber, Observation) {
    const ServerRow& row = GetParam();
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki_, port, row.s_server_arguments);
    ASSERT_TRUE(server.ready());
    const TestPki* client = row.client_cert ? &pki_ : nullptr;
    const TlsProbe probe = probe_of(port, row.legacy);
    const auto swept = make_epoll_tls_prober(quick(client))->probe({probe}).at(0);
    const auto blocking = make_openssl_tls_prober(quick(client))->probe({probe}).at(0);
    EXPECT_EQ(swept.probe, probe);
    EXPECT_EQ(swept.handshake_ok, row.expect_ok) << swept.error;
    EXPECT_EQ(swept.protocol, row.expect_protocol);
    EXPECT_FALSE(swept.peer_chain.empty()) << "the server certificate must be read";
    expect_same(swept, blocking);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SameAsBlockingProber,
    ::testing::Values(
        ServerRow{"pass_tls13", {}, false, false, true, "TLSv1.3"},
        ServerRow{"pass_tls12", {"-tls1_2"}, false, false, true, "TLSv1.2"},
        ServerRow{
            "pass_client_certificate_optional", {"-verify", "1"}, false, false, true, "TLSv1.3"},
        ServerRow{"fail_client_certificate_required_tls13",
                  {"-Verify", "1"},
                  false,
                  false,
                  false,
                  "TLSv1.3"},
        ServerRow{"fail_client_certificate_required_tls12",
                  {"-Verify", "1", "-tls1_2"},
                  false,
                  false,
                  false,
                  "TLSv1.2"},
        ServerRow{
            "pass_client_certificate_presented", {"-Verify", "1"}, false, true, true, "TLSv1.3"},
        ServerRow{"pass_legacy_refused_by_modern_server", {}, true, false, true, "TLSv1.3"}),
    [](const auto& row_info) { return std::string(row_info.param.name); });

TEST(EpollTlsProber, FailClosedPortIsNotConnected) {
    const auto port = probes_test::free_port("127.0.0.1");
    const auto swept = make_epoll_tls_prober(quick())->probe({probe_of(port)}).at(0);
    EXPECT_FALSE(swept.connected);
    EXPECT_NE(swept.error.find("connect: "), std::string::npos) << swept.error;
    const auto blocking = make_openssl_tls_prober(quick())->probe({probe_of(port)}).at(0);
    EXPECT_EQ(swept.error, blocking.error);
}

// A peer that accepts and never says a word: the handshake ends at the timeout, as "timed out"
// (the partner probes skip the legacy retry on that text), and no legacy attempt follows.
TEST(EpollTlsProber, FailSilentPeerEndsWithinTheTimeout) {
    hostile_test::StreamPeer silent("127.0.0.1", 0, [](int fd, const auto& peer) {
        hostile_test::hold(fd, peer, std::chrono::seconds(5));
    });
    ASSERT_TRUE(silent.ok());
    const auto start = Clock::now();
    const auto o = make_epoll_tls_prober(quick())->probe({probe_of(silent.port(), true)}).at(0);
    const auto took = Clock::now() - start;
    EXPECT_TRUE(o.connected);
    EXPECT_FALSE(o.handshake_ok);
    EXPECT_EQ(o.error, "timed out");
    EXPECT_FALSE(o.legacy_tls_accepted.has_value()) << "no second timeout after a silent one";
    EXPECT_GE(took, kTimeout - std::chrono::milliseconds(50));
    EXPECT_LT(took, kTimeout + std::chrono::milliseconds(700));
    EXPECT_EQ(silent.accepted(), 1);
}

// A peer that answers the ClientHello with bytes that are no TLS record, then closes.
TEST(EpollTlsProber, FailGarbageAnswerEndsTheHandshakeAtOnce) {
    hostile_test::StreamPeer garbage("127.0.0.1", 0, [](int fd, const auto& peer) {
        std::string hello;
        hostile_test::read_bytes(fd, peer, hello, 5);
        std::string junk = "HTTP/1.0 200 OK\r\n\r\n";
        for (int i = 0; i < 400; ++i) junk += std::string("\x00\xff garbage ", 11);
        hostile_test::send_text(fd, junk);
    });
    ASSERT_TRUE(garbage.ok());
    const auto start = Clock::now();
    const auto o = make_epoll_tls_prober(quick())->probe({probe_of(garbage.port())}).at(0);
    EXPECT_LT(Clock::now() - start, kTimeout);
    EXPECT_TRUE(o.connected);
    EXPECT_FALSE(o.handshake_ok);
    EXPECT_FALSE(o.error.empty());
    EXPECT_NE(o.error, "timed out");
    EXPECT_TRUE(o.protocol.empty());
    EXPECT_TRUE(o.peer_chain.empty());
}

// A peer that announces a 16 KB handshake record and drips its body one byte every 100 ms:
// one deadline for the whole handshake, however the bytes trickle.
TEST(EpollTlsProber, FailDrippingPeerEndsAtTheDeadline) {
    hostile_test::StreamPeer drip("127.0.0.1", 0, [](int fd, const auto& peer) {
        if (!hostile_test::send_text(fd, std::string("\x16\x03\x03\x40\x00", 5))) return;
        for (int i = 0; i < 40 && !peer.stopping(); ++i) {
            if (!hostile_test::send_text(fd, std::string(1, '\x02'))) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    ASSERT_TRUE(drip.ok());
    const auto start = Clock::now();
    const auto o = make_epoll_tls_prober(quick())->probe({probe_of(drip.port())}).at(0);
    const auto took = Clock::now() - start;
    EXPECT_FALSE(o.handshake_ok);
    EXPECT_EQ(o.error, "timed out");
    EXPECT_LT(took, kTimeout + std::chrono::milliseconds(700));
}

// Everything in one call: healthy sessions, a closed port and a silent peer in flight together,
// one observation per probe in probe order, the whole batch in about one timeout.
TEST(EpollTlsProber, PassManyInFlightInProbeOrder) {
    if (!probes_test::have_program("openssl"))
        EDGEPLAN_REQUIRED_MISSING() << "openssl CLI not installed";
    TestPki pki;
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki, port, {});
    ASSERT_TRUE(server.ready());
    hostile_test::StreamPeer silent("127.0.0.1", 0, [](int fd, const auto& peer) {
        hostile_test::hold(fd, peer, std::chrono::seconds(5));
    });
    ASSERT_TRUE(silent.ok());
    const auto closed = probes_test::free_port("127.0.0.1");
    std::vector<TlsProbe> probes;
    for (int i = 0; i < 12; ++i) probes.push_back(probe_of(port));
    probes.insert(probes.begin() + 3, probe_of(silent.port()));
    probes.insert(probes.begin() + 7, probe_of(closed));
    const auto start = Clock::now();
    const auto observations = make_epoll_tls_prober(quick())->probe(probes);
    EXPECT_LT(Clock::now() - start, kTimeout + std::chrono::milliseconds(900));
    ASSERT_EQ(observations.size(), probes.size());
    for (std::size_t i = 0; i < probes.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(observations[i].probe, probes[i]);
        if (i == 3) {
            EXPECT_EQ(observations[i].error, "timed out");
        } else if (i == 7) {
            EXPECT_FALSE(observations[i].connected);
        } else {
            EXPECT_TRUE(observations[i].handshake_ok) << observations[i].error;
            EXPECT_EQ(observations[i].peer_chain.size(), 2u);
        }
    }
}

// At most max_in_flight at once still ends every probe (the rest wait their turn).
TEST(EpollTlsProber, PassBoundedConcurrency) {
    if (!probes_test::have_program("openssl"))
        EDGEPLAN_REQUIRED_MISSING() << "openssl CLI not installed";
    TestPki pki;
    const auto port = probes_test::free_port("127.0.0.1");
    SServer server(pki, port, {});
    ASSERT_TRUE(server.ready());
    const std::vector<TlsProbe> probes(6, probe_of(port, true));
    const auto observations = make_epoll_tls_prober(quick(), 1)->probe(probes);
    ASSERT_EQ(observations.size(), probes.size());
    for (const auto& o : observations) {
        EXPECT_TRUE(o.handshake_ok) << o.error;
        ASSERT_TRUE(o.legacy_tls_accepted.has_value());
        EXPECT_FALSE(*o.legacy_tls_accepted);
    }
}

TEST(EpollTlsProber, ErrorUnreadableClientCertificateThrowsAtConstruction) {
    TlsProberOptions o = quick();
    o.client_cert_file = "/nonexistent/client.pem";
    EXPECT_THROW(make_epoll_tls_prober(o), std::runtime_error);
}

}  // namespace
}  // namespace edgeplan::checks::probes
