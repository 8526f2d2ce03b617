// The STUN / MS-TURN prober against hostile peers: bad lengths, attributes past the end, answers
// from another address or port, and 10,000 junk datagrams before the real answer. Each ends as
// a StunOutcome that is evidence, within the configured timeout.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "checks/probes/stun_prober.h"
#include "tests/hostile/dns_wire.h"  // put16
#include "tests/hostile/hostile_peer.h"

namespace edgeplan::hostile_test {
namespace {

using checks::probes::StunOutcome;

constexpr auto kTimeout = std::chrono::milliseconds(1200);
// Scheduling and ASan on two loaded cores; a clock restarted per datagram would never end.
constexpr auto kSlack = std::chrono::milliseconds(1500);

// A response to `request` (same method, cookie and transaction ID): success for Binding with
// XOR-MAPPED-ADDRESS, 401 error for Allocate ([MS-TURN] 3.1.10), attributes as given.
Bytes answer(const Bytes& request) {
    Bytes out;
    if (request.size() < 20) return out;
    const bool allocate = request[1] == 0x03;
    put16(out, allocate ? 0x0113 : 0x0101);
    put16(out, allocate ? 20 : 12);
    out.insert(out.end(), request.begin() + 4, request.begin() + 20);
    if (allocate) {
        for (unsigned v : {0x000Fu, 4u, 0x72C6u, 0x4BC6u, 0x0009u, 8u, 0u, 0x0401u}) put16(out, v);
        for (unsigned v : {0x6e6fu, 0x7065u}) put16(out, v);  // reason "nope"
    } else {
        for (unsigned v : {0x0020u, 8u, 0x0001u, 0x2112u ^ 5061u, 0xE112u, 0xA643u}) put16(out, v);
    }
    return out;
}

struct StunCase {
    std::string name;  // starts with the expected outcome
    HostilePeer::UdpHandler udp;
    bool answered;        // both requests answered
    bool malformed_seen;  // at least one datagram failed the strict parser
};

void header_length_lies(int fd, const sockaddr_in& from, const Bytes& request) {
    Bytes out = answer(request);
    if (out.size() < 20) return;
    out[3] = static_cast<std::uint8_t>(out[3] + 4);  // claims 4 bytes more than sent
    send_to(fd, out, from);
    out.resize(out.size() - 2);  // and a length that is no multiple of 4
    send_to(fd, out, from);
}

void attribute_past_end(int fd, const sockaddr_in& from, const Bytes& request) {
    Bytes out = answer(request);
    if (out.size() < 24) return;
    out[22] = 0x02;  // first attribute claims 512+ bytes in a datagram of a few dozen
    send_to(fd, out, from);
}

// The right answer, but from another port and from another address: a connected socket drops
// both, so the probe must see silence rather than accept a spoofed reply.
void answer_from_elsewhere(int, const sockaddr_in& from, const Bytes& request) {
    for (const char* address : {"127.0.0.91", "127.0.0.92"}) {
        const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        auto where = probes_test::ipv4(address, 0);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&where), sizeof where) == 0) {
            send_to(fd, answer(request), from);
        }
        ::close(fd);
    }
}

// 10,000 junk datagrams, then the answer, for the first request of each kind; later
// retransmissions get the answer alone (loopback may drop datagrams when the socket buffer
// overflows, which is what a flood does).
void flood_then_answer(int fd, const sockaddr_in& from, const Bytes& request) {
    static std::atomic<int> floods{0};
    if (floods++ < 2) {
        Bytes junk(48);
        for (int i = 0; i < 10000; ++i) {
            for (std::size_t b = 0; b < junk.size(); ++b) {
                junk[b] = static_cast<std::uint8_t>(i * 31 + b * 7);
            }
            send_to(fd, junk, from);
        }
    }
    send_to(fd, answer(request), from);
}

TEST(HostileStun, AnswersEndAsEvidenceWithinTheTimeout) {
    const std::vector<StunCase> rows = {
        {"silence - header lengths lie", header_length_lies, false, true},
        {"silence - attribute length past the end", attribute_past_end, false, true},
        {"silence - answers from another address and port", answer_from_elsewhere, false, false},
        {"answered - 10,000 junk datagrams before the answer", flood_then_answer, true, true},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        HostilePeer peer("127.0.0.90", row.udp);
        ASSERT_TRUE(peer.ok());
        checks::probes::StunProberOptions options;
        options.timeout = kTimeout;
        const auto start = Clock::now();
        const auto observations =
            checks::probes::make_stun_prober(options)->probe({{peer.address(), peer.port()}});
        const auto elapsed = Clock::now() - start;
        ASSERT_EQ(observations.size(), 1u);
        const StunOutcome& outcome = observations[0].outcome;
        EXPECT_EQ(outcome.binding_answered, row.answered) << observations[0].detail;
        EXPECT_EQ(outcome.msturn_allocate_answered, row.answered);
        EXPECT_EQ(outcome.silence, !row.answered);
        EXPECT_FALSE(outcome.port_unreachable);
        EXPECT_EQ(outcome.malformed_responses > 0, row.malformed_seen);
        if (row.answered) {
            EXPECT_EQ(outcome.error_code, 401);
            EXPECT_EQ(outcome.mapped_address, "192.0.2.1:5061");
        }
        EXPECT_LE(elapsed, kTimeout + kSlack);
        EXPECT_LE(observations[0].elapsed_ms, (kTimeout + kSlack).count());
    }
}

}  // namespace
}  // namespace edgeplan::hostile_test
