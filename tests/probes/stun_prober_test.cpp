// The STUN / MS-TURN prober against coturn (Binding), a small MS-TURN responder that answers an
// unauthenticated Allocate with 401 as a Lync A/V Edge does, a silent port and a closed port.
#include <gtest/gtest.h>
#include <poll.h>

#include <atomic>
#include <memory>
#include <thread>

#include "checks/probes/stun_message.h"
#include "checks/probes/stun_prober.h"
#include "tests/probes/test_support.h"
#include "tests/support/required.h"

namespace edgeplan::checks::probes {
namespace {

using probes_test::ChildProcess;
using probes_test::TempDir;

// A bound UDP socket on address:<free port>; with `msturn` it answers Allocate requests that
// carry the MS-TURN MAGIC-COOKIE attribute first with a 401 error ([MS-TURN] 3.1.10), after a
// decoy with another transaction ID and a malformed datagram. Binding requests go unanswered.
class UdpPeer {
  public:
    UdpPeer(const std::string& address, bool msturn) {
        fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
        port_ = probes_test::free_port(address, true);
        auto where = probes_test::ipv4(address, port_);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&where), sizeof where) != 0) port_ = 0;
        if (msturn) thread_ = std::thread([this] { serve(); });
    }
    ~UdpPeer() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        ::close(fd_);
    }
    std::uint16_t port() const { return port_; }
    int allocates_seen() const { return allocates_; }

  private:
    static void put16(std::vector<std::uint8_t>& out, unsigned value) {
        out.push_back(static_cast<std::uint8_t>(value >> 8));
        out.push_back(static_cast<std::uint8_t>(value & 0xff));
    }
    static std::vector<std::uint8_t> error_401(const std::uint8_t* request, bool other_id) {
        std::vector<std::uint8_t> out;
        put16(out, 0x0113);
        put16(out, 8 + 20 + 12);
        out.insert(out.end(), request + 4, request + 20);  // cookie + transaction ID echoed
        if (other_id) out[19] ^= 0xff;
        for (unsigned v : {0x000Fu, 4u, 0x72C6u, 0x4BC6u}) put16(out, v);
        for (unsigned v : {0x0009u, 16u, 0u, 0x0401u}) put16(out, v);
        for (char c : std::string("Unauthorized")) out.push_back(static_cast<std::uint8_t>(c));
        for (unsigned v : {0x0015u, 8u}) put16(out, v);
        for (char c : std::string("lync.tst")) out.push_back(static_cast<std::uint8_t>(c));
        return out;
    }
    void serve() {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!stop_ && std::chrono::steady_clock::now() < end) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            std::uint8_t request[1500];
            sockaddr_in from{};
            socklen_t length = sizeof from;
            const auto n = ::recvfrom(fd_, request, sizeof request, 0,
                                      reinterpret_cast<sockaddr*>(&from), &length);
            const bool allocate = n >= 28 && request[0] == 0x00 && request[1] == 0x03;
            const std::uint8_t cookie_attribute[] = {0x00, 0x0F, 0x00, 0x04,
                                                     0x72, 0xC6, 0x4B, 0xC6};
            if (!allocate || !std::equal(cookie_attribute, cookie_attribute + 8, request + 20)) {
                continue;
            }
            ++allocates_;
            const auto send = [&](const std::vector<std::uint8_t>& message) {
                ::sendto(fd_, message.data(), message.size(), 0, reinterpret_cast<sockaddr*>(&from),
                         length);
            };
            send(error_401(request, true));
            auto broken = error_401(request, false);
            broken.resize(broken.size() - 6);  // header length now lies
            send(broken);
            send(error_401(request, false));
        }
    }

    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> allocates_{0};
    std::thread thread_;
};

TEST(StunProber, ReportsMsTurnAnswerSilenceAndUnreachable) {
    UdpPeer msturn("127.0.0.61", true);
    UdpPeer silent("127.0.0.62", false);
    ASSERT_NE(msturn.port(), 0);
    ASSERT_NE(silent.port(), 0);
    const std::uint16_t closed = probes_test::free_port("127.0.0.63", true);
    StunProberOptions options;
    options.timeout = std::chrono::milliseconds(1000);
    const auto start = std::chrono::steady_clock::now();
    const auto observations = make_stun_prober(options)->probe(
        {{"127.0.0.61", msturn.port()}, {"127.0.0.62", silent.port()}, {"127.0.0.63", closed}});
    // A bound against a hang, not a speed test: one silent peer cannot show concurrency.
    EXPECT_LT(std::chrono::steady_clock::now() - start, 10 * options.timeout);
    ASSERT_EQ(observations.size(), 3u);

    const auto& lync = observations[0].outcome;  // "answered - MS-TURN Allocate gets 401"
    EXPECT_TRUE(lync.msturn_allocate_answered) << observations[0].detail;
    EXPECT_EQ(lync.error_code, 401);
    EXPECT_FALSE(lync.binding_answered);
    EXPECT_FALSE(lync.silence);
    EXPECT_GE(lync.malformed_responses, 1);
    EXPECT_GE(msturn.allocates_seen(), 1);

    const auto& quiet = observations[1].outcome;  // "silence - nothing answers"
    EXPECT_TRUE(quiet.silence);
    EXPECT_FALSE(quiet.binding_answered || quiet.msturn_allocate_answered);
    EXPECT_FALSE(quiet.port_unreachable);
    EXPECT_GE(observations[1].elapsed_ms, 900);

    const auto& refused = observations[2].outcome;  // "unreachable - ICMP port unreachable"
    EXPECT_TRUE(refused.silence);
    EXPECT_TRUE(refused.port_unreachable);
}

TEST(StunProber, CoturnAnswersBinding) {
    const std::string turnserver = probes_test::find_program("turnserver");
    if (turnserver.empty())
        EDGEPLAN_REQUIRED_MISSING() << "turnserver (apt-get install -y coturn) is missing";
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const std::string address = "127.0.0.64";
    const std::uint16_t port = probes_test::free_port(address, true);
    ASSERT_NE(port, 0);
    const auto d = dir.path().string();
    ChildProcess coturn(
        {turnserver, "-n", "--listening-ip=" + address, "--listening-port=" + std::to_string(port),
         "--no-tls", "--no-dtls", "--stun-only", "--no-cli", "--log-file=" + d + "/turn.log",
         "--pidfile=" + d + "/turn.pid", "--userdb=" + d + "/turndb"},
        dir.path() / "out.log");
    ASSERT_TRUE(coturn.started());
    StunProberOptions options;
    options.timeout = std::chrono::milliseconds(300);
    std::vector<StunObservation> observations;
    const bool answered = probes_test::wait_until(
        [&] {
            observations = make_stun_prober(options)->probe({{address, port}});
            return observations.size() == 1 && observations[0].outcome.binding_answered;
        },
        std::chrono::seconds(10));
    ASSERT_TRUE(answered) << probes_test::read_file(dir.path() / "out.log");
    const auto& outcome = observations[0].outcome;
    EXPECT_FALSE(outcome.silence);
    EXPECT_EQ(outcome.malformed_responses, 0);
    ASSERT_TRUE(outcome.mapped_address.has_value());
    EXPECT_EQ(outcome.mapped_address->rfind("127.", 0), 0u) << *outcome.mapped_address;
    coturn.stop();
}

}  // namespace
}  // namespace edgeplan::checks::probes
