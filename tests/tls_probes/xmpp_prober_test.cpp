// The XMPP STARTTLS prober against stub servers in the test (no STARTTLS, an endless stream, a
// close in the middle of the TLS handshake) and against Prosody (STARTTLS required, negotiated,
// certificate read). Every process and thread is stopped, also on failure.
#include <gtest/gtest.h>

#include <poll.h>

#include <atomic>
#include <thread>

#include "checks/certificates/certificate_parser.h"
#include "checks/probes/xmpp_prober.h"
#include "tests/support/required.h"
#include "tls_fixtures.h"

namespace edgeplan::checks::probes {
namespace {

const std::string kServerHeader =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
    "xmlns:stream='http://etherx.jabber.org/streams' from='contoso.com' id='s1' version='1.0'>";

enum class Stub { no_starttls, endless, close_mid_handshake, stream_error };

// One plain-TCP connection, answered by the script for `mode`; bounded in time.
class XmppStub {
  public:
    explicit XmppStub(Stub mode) : mode_(mode) {
        port_ = probes_test::free_port("127.0.0.1");
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        auto where = probes_test::ipv4("127.0.0.1", port_);
        ok_ = ::bind(listener_, reinterpret_cast<sockaddr*>(&where), sizeof where) == 0 &&
              ::listen(listener_, 4) == 0;
        if (ok_) thread_ = std::thread([this] { serve(); });
    }
    ~XmppStub() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        ::close(listener_);
    }
    bool ok() const { return ok_; }
    std::uint16_t port() const { return port_; }

  private:
    bool send_text(int fd, const std::string& text) {
        return ::send(fd, text.data(), text.size(), MSG_NOSIGNAL) ==
               static_cast<ssize_t>(text.size());
    }
    // Reads until `marker` arrives (or 3 s pass).
    bool wait_for(int fd, const std::string& marker) {
        std::string got;
        char buffer[2048];
        for (int round = 0; round < 60 && got.find(marker) == std::string::npos; ++round) {
            pollfd entry{fd, POLLIN, 0};
            if (::poll(&entry, 1, 50) <= 0) continue;
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) return false;
            got.append(buffer, static_cast<std::size_t>(n));
        }
        return got.find(marker) != std::string::npos;
    }
    void serve() {
        pollfd entry{listener_, POLLIN, 0};
        if (::poll(&entry, 1, 5000) <= 0) return;
        const int fd = ::accept(listener_, nullptr, nullptr);
        if (fd < 0) return;
        if (wait_for(fd, "version='1.0'>")) {
            switch (mode_) {
                case Stub::no_starttls:
                    send_text(fd,
                              kServerHeader +
                                  "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/>"
                                  "</stream:features>");
                    wait_for(fd, "never");
                    break;
                case Stub::endless:
                    // A header, then whitespace keep-alives forever (until the prober leaves).
                    send_text(fd, kServerHeader);
                    for (int round = 0; round < 2000 && !stop_; ++round) {
                        if (!send_text(fd, std::string(512, ' '))) break;
                        std::this_thread::sleep_for(std::chrono::milliseconds(2));
                    }
                    break;
                case Stub::close_mid_handshake:
                    send_text(
                        fd,
                        kServerHeader +
                            "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"
                            "</stream:features>");
                    if (wait_for(fd, "<starttls")) {
                        send_text(fd, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                        char hello[512];
                        pollfd in{fd, POLLIN, 0};
                        if (::poll(&in, 1, 2000) > 0) (void)::recv(fd, hello, sizeof hello, 0);
                    }
                    break;
                case Stub::stream_error:
                    send_text(fd, kServerHeader +
                                      "<stream:error><host-unknown "
                                      "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                                      "</stream:error></stream:stream>");
                    break;
            }
        }
        ::close(fd);
    }

    Stub mode_;
    std::uint16_t port_ = 0;
    int listener_ = -1;
    bool ok_ = false;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

XmppProberOptions quick() {
    XmppProberOptions o;
    o.timeout = std::chrono::milliseconds(1500);
    return o;
}

struct StubRow {
    const char* name;
    Stub stub;
    XmppOutcome outcome;
};

class XmppStubTest : public ::testing::TestWithParam<StubRow> {};

TEST_P(XmppStubTest, Outcome) {
    XmppStub stub(GetParam().stub);
    ASSERT_TRUE(stub.ok());
    const auto start = std::chrono::steady_clock::now();
    const auto o = make_xmpp_starttls_prober(quick())
                       ->probe({{"127.0.0.1", stub.port(), "contoso.com"}})
                       .at(0);
    EXPECT_EQ(to_string(o.outcome), std::string(to_string(GetParam().outcome))) << o.detail;
    // A bound against a hang (each operation has its own quick() deadline), not a speed test.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
    if (GetParam().stub == Stub::no_starttls) {
        EXPECT_FALSE(o.starttls_offered);
        EXPECT_TRUE(o.dialback_offered);
        EXPECT_EQ(o.stream_from, "contoso.com");
    }
    if (GetParam().stub == Stub::stream_error) {
        EXPECT_EQ(o.stream_error, "host-unknown");
    }
}

INSTANTIATE_TEST_SUITE_P(
    Rows, XmppStubTest,
    ::testing::Values(
        StubRow{"fail_no_starttls_offered", Stub::no_starttls, XmppOutcome::features_read},
        StubRow{"fail_endless_stream", Stub::endless, XmppOutcome::limit_exceeded},
        StubRow{"fail_close_mid_handshake", Stub::close_mid_handshake, XmppOutcome::tls_failed},
        StubRow{"fail_stream_error", Stub::stream_error, XmppOutcome::stream_error}),
    [](const auto& row_info) { return std::string(row_info.param.name); });

TEST(XmppProber, FailConnectRefused) {
    const auto port = probes_test::free_port("127.0.0.1");
    const auto o =
        make_xmpp_starttls_prober(quick())->probe({{"127.0.0.1", port, "contoso.com"}}).at(0);
    EXPECT_EQ(o.outcome, XmppOutcome::connect_failed);
}

// Prosody as the XMPP peer: s2s on 127.0.0.2, STARTTLS required, dialback offered.
TEST(XmppProberProsody, PassStartTlsNegotiatedAndCertificateRead) {
    if (!probes_test::have_program("prosody"))
        EDGEPLAN_REQUIRED_MISSING() << "prosody not installed (.ci/install-deps)";
    if (::geteuid() != 0)
        EDGEPLAN_REQUIRED_MISSING() << "the Prosody test runs as root (run_as_root)";
    tls_test::TestPki pki("contoso.com");
    const auto base = pki.dir.path();
    std::filesystem::create_directories(base / "data");
    std::filesystem::create_directories(base / "certs");
    pki_test::write_text(base / "certs" / "contoso.com.crt",
                         pki_test::pem_of(pki.server.cert) + pki_test::pem_of(pki.ca.cert));
    pki_test::write_text(base / "certs" / "contoso.com.key", pki_test::key_pem_of(pki.server.key));
    const auto s2s = probes_test::free_port("127.0.0.2");
    const auto c2s = probes_test::free_port("127.0.0.2");
    ASSERT_NE(s2s, 0);
    pki_test::write_text(
        base / "prosody.cfg.lua",
        "pidfile = \"" + (base / "prosody.pid").string() + "\"\n" + "data_path = \"" +
            (base / "data").string() + "\"\n" + "run_as_root = true\ndaemonize = false\n" +
            "log = { { levels = { min = \"info\" }, to = \"file\", filename = \"" +
            (base / "prosody.log").string() + "\" } }\n" +
            "modules_enabled = { \"tls\", \"dialback\", \"saslauth\", \"disco\" }\n" +
            "certificates = \"" + (base / "certs").string() + "\"\n" +
            "interfaces = { \"127.0.0.2\" }\nc2s_ports = { " + std::to_string(c2s) + " }\n" +
            "s2s_interfaces = { \"127.0.0.2\" }\ns2s_ports = { " + std::to_string(s2s) + " }\n" +
            "s2s_require_encryption = true\nVirtualHost \"contoso.com\"\n");
    probes_test::ChildProcess prosody(
        {"prosody", "--config", (base / "prosody.cfg.lua").string(), "-F"}, base / "prosody.out");
    ASSERT_TRUE(prosody.started());
    ASSERT_TRUE(probes_test::wait_until([&] { return probes_test::tcp_accepts("127.0.0.2", s2s); },
                                        std::chrono::seconds(10)))
        << probes_test::read_file(base / "prosody.out")
        << probes_test::read_file(base / "prosody.log");

    const auto o =
        make_xmpp_starttls_prober(quick())->probe({{"127.0.0.2", s2s, "contoso.com"}}).at(0);
    EXPECT_EQ(to_string(o.outcome), std::string("tls_negotiated")) << o.detail;
    EXPECT_TRUE(o.starttls_offered);
    EXPECT_TRUE(o.starttls_required);
    EXPECT_TRUE(o.dialback_offered);
    EXPECT_FALSE(o.sasl_external_offered) << "Prosody offers SASL only after TLS";
    EXPECT_EQ(o.stream_from, "contoso.com");
    ASSERT_FALSE(o.peer_chain.empty());
    certificates::VerifyOptions verify;
    verify.ca_file = pki.path("ca.pem");
    const auto facts = certificates::parse_der_chain(o.peer_chain, verify);
    EXPECT_EQ(facts.leaf.subject_cn, "contoso.com");
    EXPECT_TRUE(facts.leaf.verification.trusted) << facts.leaf.verification.error;
    prosody.stop();
}

}  // namespace
}  // namespace edgeplan::checks::probes
