// Responder + token-echo prober on 127.0.0.x: echoed for bound ports, closed for unbound TCP and
// UDP ports, wrong_answer for other services, silent for a listener that never speaks; the
// responder's rate limit and its silence towards anything but a probe line.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <algorithm>

#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <set>

#include "checks/probes/responder.h"
#include "checks/probes/token_echo_prober.h"
#include "checks/probes/token_echo_protocol.h"
#include "checks/probes/token_echo_sockets.h"
#include "checks/responder_ports.h"
#include "tests/responder/responder_test_support.h"

namespace edgeplan::checks::probes {
namespace {

using namespace responder_test;
using std::chrono::milliseconds;

Descriptor bound_socket(const std::string& ip, int port, Transport transport) {
    const SocketAddress address = *parse_socket_address(ip, port);
    Descriptor s(::socket(AF_INET, transport == tcp ? SOCK_STREAM : SOCK_DGRAM, 0));
    const int on = 1;
    setsockopt(s.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(s.get(), address.get(), address.length) != 0) return Descriptor();
    if (transport == tcp && ::listen(s.get(), 16) != 0) return Descriptor();
    return s;
}

// Services that are not the responder: a TCP banner (like SSH), a TCP service answering with an
// echo line carrying someone else's token, a UDP service answering anything, and mute ones.
class ForeignServers {
  public:
    ForeignServers(const std::string& ip, int banner_port, int foreign_token_port, int mute_port)
        : banner_tcp_(bound_socket(ip, banner_port, tcp)),
          foreign_tcp_(bound_socket(ip, foreign_token_port, tcp)),
          banner_udp_(bound_socket(ip, banner_port, udp)),
          mute_tcp_(bound_socket(ip, mute_port, tcp)),  // never accepts: the kernel does
          mute_udp_(bound_socket(ip, mute_port, udp)),  // never reads
          foreign_port_(foreign_token_port) {
        thread_ = std::thread([this] { serve(); });
    }
    ForeignServers(const ForeignServers&) = delete;
    ForeignServers& operator=(const ForeignServers&) = delete;
    ~ForeignServers() {
        stop_ = true;
        thread_.join();
    }
    bool ready() const {
        return banner_tcp_.valid() && foreign_tcp_.valid() && banner_udp_.valid() &&
               mute_tcp_.valid() && mute_udp_.valid();
    }

  private:
    void serve() {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!stop_ && std::chrono::steady_clock::now() < end) {
            pollfd fds[] = {{banner_tcp_.get(), POLLIN, 0},
                            {foreign_tcp_.get(), POLLIN, 0},
                            {banner_udp_.get(), POLLIN, 0}};
            if (poll(fds, 3, 50) <= 0) continue;
            if (fds[0].revents & POLLIN) {
                Descriptor c(accept(banner_tcp_.get(), nullptr, nullptr));
                const std::string banner = "SSH-2.0-OpenSSH_9.2\r\n";
                send(c.get(), banner.data(), banner.size(), MSG_NOSIGNAL);
            }
            if (fds[1].revents & POLLIN) {
                Descriptor c(accept(foreign_tcp_.get(), nullptr, nullptr));
                const timeval timeout{1, 0};
                setsockopt(c.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
                char line[64];
                if (recv(c.get(), line, sizeof line, 0) > 0) {
                    const std::string reply =
                        format_reply("0123456789abcdef", "edge-external", foreign_port_, tcp);
                    send(c.get(), reply.data(), reply.size(), MSG_NOSIGNAL);
                }
            }
            if (fds[2].revents & POLLIN) {
                char datagram[512];
                sockaddr_storage peer{};
                socklen_t length = sizeof peer;
                if (recvfrom(banner_udp_.get(), datagram, sizeof datagram, 0,
                             reinterpret_cast<sockaddr*>(&peer), &length) >= 0) {
                    sendto(banner_udp_.get(), "NOPE\n", 5, 0, reinterpret_cast<sockaddr*>(&peer),
                           length);
                }
            }
        }
    }

    Descriptor banner_tcp_, foreign_tcp_, banner_udp_, mute_tcp_, mute_udp_;
    int foreign_port_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

struct Row {
    std::string name;
    EchoTarget target;
    EchoStatus expected;
};

TEST(EchoLoopbackTest, ClassifiesEveryKindOfPort) {
    const std::string responder_ip = "127.0.0.80";
    std::vector<ResponderEndpoint> endpoints;
    for (const ResponderPort& p :
         responder_ports(ocs2007_plan(), ResponderRole::edge_external, 8)) {
        if (p.port >= 50000) endpoints.push_back({p.transport, p.port});
    }
    ASSERT_EQ(endpoints.size(), 16u) << "8 TCP and 8 UDP ports sampled from the media range";
    ResponderOptions options;
    options.bind_address = responder_ip;
    options.role = "edge-external";
    options.duration = std::chrono::seconds(20);
    RunningResponder responder(options, endpoints);
    ASSERT_EQ(responder.report().error, "");
    ASSERT_TRUE(responder.report().failures.empty())
        << responder.report().failures.front().endpoint.port << " could not be bound";
    const ForeignServers foreign(responder_ip, 50010, 50011, 50012);
    ASSERT_TRUE(foreign.ready()) << "ports 50010-50012 on " << responder_ip << " are taken";

    std::vector<Row> rows;
    for (const ResponderEndpoint& e : endpoints) {
        rows.push_back({"echoed - responder on " + std::to_string(e.port) + "/" +
                            topology::to_string(e.transport),
                        {responder_ip, e.port, e.transport},
                        EchoStatus::echoed});
    }
    rows.push_back(
        {"closed - nothing on 50020/tcp (RST)", {responder_ip, 50020, tcp}, EchoStatus::closed});
    rows.push_back({"closed - nothing on 50020/udp (ICMP port unreachable)",
                    {responder_ip, 50020, udp},
                    EchoStatus::closed});
    rows.push_back(
        {"wrong_answer - a TCP banner", {responder_ip, 50010, tcp}, EchoStatus::wrong_answer});
    rows.push_back({"wrong_answer - an echo line with another token",
                    {responder_ip, 50011, tcp},
                    EchoStatus::wrong_answer});
    rows.push_back({"wrong_answer - a UDP service answering anything",
                    {responder_ip, 50010, udp},
                    EchoStatus::wrong_answer});
    rows.push_back({"silent - TCP listener that accepts and never speaks",
                    {responder_ip, 50012, tcp},
                    EchoStatus::silent});
    // Four more silent probes of the same peers: the run's time then tells one deadline for
    // all (about 1.5 s) from one per silent target (at least 6 x 1.5 s) with room to spare.
    for (int copy = 0; copy < 3; ++copy) {
        rows.push_back({"silent - UDP socket that never answers",
                        {responder_ip, 50012, udp},
                        EchoStatus::silent});
    }
    rows.push_back({"silent - TCP listener that accepts and never speaks (again)",
                    {responder_ip, 50012, tcp},
                    EchoStatus::silent});
    rows.push_back({"error - not an address", {"edge.contoso.com", 443, tcp}, EchoStatus::error});
    rows.push_back({"error - target equals the source address (self-connect)",
                    {"127.0.0.81", 50000, tcp},
                    EchoStatus::error});

    TokenEchoOptions prober_options;
    prober_options.source_address = "127.0.0.81";
    prober_options.deadline = milliseconds(1500);
    prober_options.max_starts_per_second = 0;
    std::vector<EchoTarget> targets;
    for (const Row& row : rows) targets.push_back(row.target);
    const auto started = std::chrono::steady_clock::now();
    const std::vector<EchoResult> results = make_token_echo_prober(prober_options)->probe(targets);
    const auto took = std::chrono::steady_clock::now() - started;

    ASSERT_EQ(results.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE(rows[i].name);
        EXPECT_EQ(to_string(results[i].status), std::string(to_string(rows[i].expected)))
            << results[i].detail;
        EXPECT_EQ(results[i].target.port, rows[i].target.port);
        if (rows[i].expected == EchoStatus::echoed) {
            EXPECT_EQ(results[i].role, "edge-external");
            EXPECT_LT(results[i].elapsed_ms, 1500);
        }
        if (rows[i].expected == EchoStatus::silent) {
            EXPECT_GE(results[i].elapsed_ms, 1400);
        }
    }
    // Concurrency, not speed: one deadline per silent target would take at least their sum.
    const auto silent_rows = std::count_if(
        rows.begin(), rows.end(), [](const Row& r) { return r.expected == EchoStatus::silent; });
    EXPECT_LT(took, silent_rows * prober_options.deadline) << "one deadline for all targets";
    const ResponderStats stats = responder.stop();
    EXPECT_EQ(stats.tcp_replies, 8u);
    EXPECT_EQ(stats.udp_replies, 8u);
}

TEST(EchoLoopbackTest, RateLimitAnswersAtMostNPerSecondPerSource) {
    std::vector<ResponderEndpoint> endpoints;
    std::vector<EchoTarget> targets;
    for (int port = 50200; port < 50206; ++port) {
        endpoints.push_back({udp, port});
        targets.push_back({"127.0.0.86", port, udp});
    }
    ResponderOptions options;
    options.bind_address = "127.0.0.86";
    options.role = "partner";
    options.duration = std::chrono::seconds(10);
    options.max_replies_per_second = 3;
    RunningResponder responder(options, endpoints);
    ASSERT_TRUE(responder.report().failures.empty());

    TokenEchoOptions prober_options;
    prober_options.source_address = "127.0.0.87";
    prober_options.deadline = milliseconds(600);
    prober_options.max_starts_per_second = 0;
    prober_options.udp_attempts = 1;
    std::multiset<std::string> statuses;
    for (const EchoResult& r : make_token_echo_prober(prober_options)->probe(targets)) {
        statuses.insert(to_string(r.status));
    }
    EXPECT_EQ(statuses.count("echoed"), 3u);
    EXPECT_EQ(statuses.count("silent"), 3u);
    EXPECT_EQ(responder.stop().rate_limited, 3u);
}

TEST(EchoLoopbackTest, AnythingButAProbeLineGetsNoAnswer) {
    const std::string ip = "127.0.0.88";
    const int port = 50300;
    RunningResponder responder({ip, "edge-internal", std::chrono::seconds(10)},
                               {{tcp, port}, {udp, port}});
    ASSERT_TRUE(responder.report().failures.empty());
    const std::string payloads[] = {
        "GET / HTTP/1.0\r\n\r\n",
        "EDGEPLAN-PROBE 0123456789ABCDEF\n",
        "EDGEPLAN-PROBE 0123456789abcdef\nEDGEPLAN-PROBE 0123456789abcdef\n",
        std::string(4096, 'A'),
    };
    const SocketAddress target = *parse_socket_address(ip, port);
    const timeval timeout{2, 0};
    for (const std::string& payload : payloads) {
        SCOPED_TRACE(payload.substr(0, 20));
        Descriptor t(::socket(AF_INET, SOCK_STREAM, 0));
        setsockopt(t.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ASSERT_EQ(connect(t.get(), target.get(), target.length), 0);
        send(t.get(), payload.data(), payload.size(), MSG_NOSIGNAL);
        char answer[128];
        const ssize_t n = recv(t.get(), answer, sizeof answer, 0);
        EXPECT_LE(n, 0) << "TCP: the responder closes without a word";

        Descriptor u(::socket(AF_INET, SOCK_DGRAM, 0));
        ASSERT_EQ(connect(u.get(), target.get(), target.length), 0);
        send(u.get(), payload.data(), payload.size(), 0);
        pollfd fd{u.get(), POLLIN, 0};
        EXPECT_EQ(poll(&fd, 1, 300), 0) << "UDP: no datagram comes back";
    }
    const ResponderStats stats = responder.stop();
    EXPECT_EQ(stats.invalid_requests, 8u);
    EXPECT_EQ(stats.tcp_replies + stats.udp_replies, 0u);
}

TEST(EchoLoopbackTest, ReportsPortsInUse) {
    const Descriptor taken = bound_socket("127.0.0.88", 50400, tcp);
    ASSERT_TRUE(taken.valid());
    Responder responder({"127.0.0.88", "partner", milliseconds(100)});
    const BindReport report = responder.bind({{tcp, 50400}, {tcp, 50401}});
    ASSERT_EQ(report.failures.size(), 1u);
    EXPECT_EQ(report.failures[0].endpoint.port, 50400);
    EXPECT_EQ(report.failures[0].problem, BindProblem::in_use);
    ASSERT_EQ(report.bound.size(), 1u);
    EXPECT_EQ(report.bound[0].port, 50401);
}

TEST(EchoLoopbackTest, BindsTheWholeMediaRangeOnBothTransports) {
    const std::vector<ResponderPort> ports =
        responder_ports(ocs2007_plan(), ResponderRole::edge_external, 0);
    std::vector<ResponderEndpoint> endpoints;
    for (const ResponderPort& p : ports) {
        if (p.port >= 50000) endpoints.push_back({p.transport, p.port});
    }
    ASSERT_EQ(endpoints.size(), 20000u);
    // 20,000 sockets plus some spare when the hard limit allows; a container without
    // CAP_SYS_RESOURCE may cap it lower, then the whole TCP range and part of the UDP range.
    const std::size_t limit = raise_descriptor_limit(endpoints.size() + 256);
    if (limit < 10000 + 256) GTEST_SKIP() << "RLIMIT_NOFILE is " << limit << ", below 10,256";
    if (limit < endpoints.size() + 256) {
        std::cout << "RLIMIT_NOFILE hard limit " << limit << ": binding " << limit - 256
                  << " of the 20,000 media ports\n";
        endpoints.resize(limit - 256);
    }
    ResponderOptions options;
    options.bind_address = "127.0.0.91";
    options.role = "edge-external";
    options.duration = std::chrono::seconds(30);
    RunningResponder responder(options, endpoints);
    // Wildcard-bound UDP client sockets of other programs may hold a few ports at any moment.
    EXPECT_LE(responder.report().failures.size(), 20u);
    for (const BindFailure& f : responder.report().failures) {
        EXPECT_EQ(f.problem, BindProblem::in_use) << f.endpoint.port << ": " << f.message;
    }
    std::vector<EchoTarget> targets;
    for (std::size_t i = 0; i < responder.report().bound.size(); i += 500) {
        const ResponderEndpoint& e = responder.report().bound[i];
        targets.push_back({"127.0.0.91", e.port, e.transport});
    }
    TokenEchoOptions prober_options;
    prober_options.source_address = "127.0.0.92";
    prober_options.deadline = milliseconds(2000);
    for (const EchoResult& r : make_token_echo_prober(prober_options)->probe(targets)) {
        EXPECT_EQ(r.status, EchoStatus::echoed) << r.target.port << ": " << r.detail;
    }
}

}  // namespace
}  // namespace edgeplan::checks::probes
