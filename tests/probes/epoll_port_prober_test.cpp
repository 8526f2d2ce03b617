// The epoll port prober on loopback (open / closed / source binding) and, when root, inside a
// network namespace this test creates, where nftables drops or rejects chosen ports.
#include <gtest/gtest.h>
#include <poll.h>
#include <sched.h>

#include <future>
#include <memory>

#include "checks/probes/port_prober.h"
#include "tests/probes/test_support.h"
#include "tests/support/required.h"

namespace edgeplan::checks::probes {
namespace {

using probes_test::TempDir;

// A TCP listener on address:<free port>, closed when destroyed.
class Listener {
  public:
    explicit Listener(const std::string& address) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        const int yes = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        auto where = probes_test::ipv4(address, 0);
        socklen_t length = sizeof where;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&where), sizeof where) == 0 &&
            ::listen(fd_, 64) == 0 &&
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&where), &length) == 0) {
            port_ = ntohs(where.sin_port);
        }
    }
    ~Listener() { ::close(fd_); }
    std::uint16_t port() const { return port_; }
    // Peer address of the first queued connection, "" when none arrives within 1 s.
    std::string accept_peer() {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 1000) <= 0) return {};
        sockaddr_in peer{};
        socklen_t length = sizeof peer;
        const int client = ::accept(fd_, reinterpret_cast<sockaddr*>(&peer), &length);
        if (client < 0) return {};
        ::close(client);
        char text[INET_ADDRSTRLEN] = {};
        ::inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text);
        return text;
    }

  private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
};

struct Row {
    std::string name;  // starts with the expected outcome
    TcpProbe probe;
    TcpOutcome outcome;
};

void expect_rows(const std::vector<Row>& rows, const std::vector<TcpObservation>& observations) {
    ASSERT_EQ(observations.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE(rows[i].name + " (detail: " + observations[i].detail + ")");
        EXPECT_EQ(observations[i].probe, rows[i].probe);
        EXPECT_STREQ(to_string(observations[i].outcome), to_string(rows[i].outcome));
    }
}

TEST(EpollPortProber, ClassifiesLoopbackPorts) {
    Listener open_a("127.0.0.2");
    Listener open_b("127.0.0.3");
    ASSERT_NE(open_a.port(), 0);
    ASSERT_NE(open_b.port(), 0);
    const std::uint16_t unused = probes_test::free_port("127.0.0.4");
    const std::vector<Row> rows = {
        {"open - listener on 127.0.0.2",
         {"127.0.0.2", open_a.port(), std::nullopt},
         TcpOutcome::open},
        {"open - listener on 127.0.0.3",
         {"127.0.0.3", open_b.port(), std::nullopt},
         TcpOutcome::open},
        {"closed - nothing listens", {"127.0.0.4", unused, std::nullopt}, TcpOutcome::closed},
        {"closed - listener's port on another address",
         {"127.0.0.4", open_a.port(), std::nullopt},
         TcpOutcome::closed},
        {"local_error - not an IP literal",
         {"edge.contoso.com", 443, std::nullopt},
         TcpOutcome::local_error},
        {"local_error - IPv6 source for an IPv4 target",
         {"127.0.0.2", open_a.port(), "::1"},
         TcpOutcome::local_error},
        {"local_error - port 0", {"127.0.0.2", 0, std::nullopt}, TcpOutcome::local_error},
    };
    std::vector<TcpProbe> probes;
    for (const auto& row : rows) probes.push_back(row.probe);
    PortProberOptions options;
    options.timeout = std::chrono::milliseconds(2000);
    expect_rows(rows, make_epoll_port_prober(options)->probe(probes));
}

TEST(EpollPortProber, BindsTheRequestedSourceAddress) {
    Listener listener("127.0.0.2");
    ASSERT_NE(listener.port(), 0);
    const auto observations =
        make_epoll_port_prober()->probe({{"127.0.0.2", listener.port(), "127.0.0.9"}});
    ASSERT_EQ(observations.size(), 1u);
    EXPECT_EQ(observations[0].outcome, TcpOutcome::open) << observations[0].detail;
    EXPECT_EQ(listener.accept_peer(), "127.0.0.9");
}

// The probe runner calls one prober from its sweep and chain threads at once. When the
// prober kept its epoll set in a member, the two calls stole each other's events: open ports
// read as filtered and one call never returned. Each round runs two concurrent calls against
// listeners and must see every port open, in time.
TEST(EpollPortProber, ConcurrentCallsOnOneProberKeepTheirOwnResults) {
    std::vector<std::unique_ptr<Listener>> listeners;
    std::vector<TcpProbe> first;
    std::vector<TcpProbe> second;
    for (int i = 0; i < 16; ++i) {
        listeners.push_back(std::make_unique<Listener>("127.0.0.7"));
        ASSERT_NE(listeners.back()->port(), 0);
        (i % 2 ? second : first).push_back({"127.0.0.7", listeners.back()->port(), std::nullopt});
    }
    PortProberOptions options;
    options.timeout = std::chrono::milliseconds(2000);
    const auto prober = make_epoll_port_prober(options);
    for (int round = 0; round < 50; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        auto other = std::async(std::launch::async, [&] { return prober->probe(second); });
        const auto mine = prober->probe(first);
        ASSERT_EQ(other.wait_for(std::chrono::seconds(10)), std::future_status::ready)
            << "the concurrent call did not return";
        const auto theirs = other.get();
        ASSERT_EQ(mine.size(), first.size());
        ASSERT_EQ(theirs.size(), second.size());
        for (const auto* batch : {&mine, &theirs}) {
            for (const auto& observation : *batch) {
                ASSERT_EQ(observation.outcome, TcpOutcome::open)
                    << observation.probe.port << ": " << observation.detail;
            }
        }
    }
}

TEST(EpollPortProber, ThousandsOfProbesFinishInOneTimeout) {
    std::vector<TcpProbe> probes;
    for (std::uint16_t port = 20000; port < 23000; ++port) {
        probes.push_back({"127.0.0.5", port, "127.0.0.6"});
    }
    PortProberOptions options;
    options.timeout = std::chrono::milliseconds(2000);
    const auto start = std::chrono::steady_clock::now();
    const auto observations = make_epoll_port_prober(options)->probe(probes);
    // Closed loopback ports answer at once: this bounds a hang (one wait per probe would
    // take 3,000 x 2 s), not the speed; figures are in tests/bench/port_sweep.sh.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    ASSERT_EQ(observations.size(), probes.size());
    std::size_t decided = 0;
    for (const auto& observation : observations) {
        // Another program may listen on a wildcard address; either answer is a decision.
        if (observation.outcome == TcpOutcome::closed || observation.outcome == TcpOutcome::open) {
            ++decided;
        }
    }
    EXPECT_EQ(decided, probes.size());
}

// A network namespace with only lo up and an nftables input chain that drops or rejects
// chosen ports; removed (by name) when destroyed.
class Namespace {
  public:
    explicit Namespace(const std::string& rules) {
        ip_ = probes_test::find_program("ip");
        const std::string nft = probes_test::find_program("nft");
        if (::geteuid() != 0 || ip_.empty() || nft.empty() || dir_.path().empty()) return;
        name_ = "edgeplan-probes-" + std::to_string(::getpid());
        const auto log = dir_.path() / "ip.log";
        if (probes_test::run_command({ip_, "netns", "add", name_}, log) != 0) {
            why_ = probes_test::read_file(log);
            name_.clear();
            return;
        }
        probes_test::write_file(dir_.path() / "rules.nft", rules);
        if (probes_test::run_command({ip_, "-n", name_, "link", "set", "lo", "up"}, log) != 0 ||
            probes_test::run_command(
                {ip_, "netns", "exec", name_, nft, "-f", (dir_.path() / "rules.nft").string()},
                log) != 0) {
            why_ = probes_test::read_file(log);
            return;
        }
        ready_ = true;
    }
    ~Namespace() {
        if (!name_.empty()) {
            probes_test::run_command({ip_, "netns", "del", name_}, dir_.path() / "del.log");
        }
    }
    bool ready() const { return ready_; }
    const std::string& why() const { return why_; }
    std::string path() const { return "/var/run/netns/" + name_; }

  private:
    TempDir dir_;
    std::string ip_;
    std::string name_;
    std::string why_;
    bool ready_ = false;
};

// Runs `body` in a forked child that has joined the namespace; returns what it wrote to the
// pipe. The child is bounded by `limit` and killed by PID if it overruns.
std::string run_in_namespace(const std::string& netns_path,
                             const std::function<std::string()>& body,
                             std::chrono::milliseconds limit) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pipe_fds[0]);
        const int ns = ::open(netns_path.c_str(), O_RDONLY | O_CLOEXEC);
        std::string out = (ns >= 0 && ::setns(ns, CLONE_NEWNET) == 0) ? body() : "";
        std::size_t written = 0;
        while (written < out.size()) {
            const auto n = ::write(pipe_fds[1], out.data() + written, out.size() - written);
            if (n <= 0) break;
            written += static_cast<std::size_t>(n);
        }
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string result;
    const auto end = std::chrono::steady_clock::now() + limit;
    for (int round = 0; round < 100000 && pid > 0; ++round) {
        const int wait = static_cast<int>(
            std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::milliseconds>(
                                          end - std::chrono::steady_clock::now())
                                          .count()));
        pollfd p{pipe_fds[0], POLLIN, 0};
        if (wait == 0 || ::poll(&p, 1, wait) <= 0) break;
        char buffer[4096];
        const auto n = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        result.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_fds[0]);
    ::kill(pid, SIGKILL);  // no-op when it has already exited; never a broad kill
    int status = 0;
    ::waitpid(pid, &status, 0);
    return result;
}

TEST(EpollPortProber, ClassifiesFilteredAndUnreachableInNamespace) {
    if (::geteuid() != 0) EDGEPLAN_REQUIRED_MISSING() << "needs root to create a network namespace";
    // Rules match the target address too: replies come back to an ephemeral port, which may
    // fall inside a dropped port range, and must not be dropped themselves.
    Namespace netns(
        "table inet edgeplan_probes_test {\n"
        "  chain input {\n"
        "    type filter hook input priority 0; policy accept;\n"
        "    ip daddr 127.0.0.3 tcp dport { 40001, 41000-41499 } drop\n"
        "    ip daddr 127.0.0.4 tcp dport 40002 reject with icmpx type host-unreachable\n"
        "  }\n"
        "}\n");
    if (!netns.ready())
        EDGEPLAN_REQUIRED_MISSING() << "cannot set up a network namespace: " << netns.why();

    const std::vector<Row> rows = {
        {"open - listener inside the namespace",
         {"127.0.0.1", 40000, std::nullopt},
         TcpOutcome::open},
        {"closed - nothing listens", {"127.0.0.1", 40003, std::nullopt}, TcpOutcome::closed},
        {"filtered - nftables drops the SYN",
         {"127.0.0.3", 40001, "127.0.0.2"},
         TcpOutcome::filtered},
        {"unreachable - nftables answers ICMP host unreachable",
         {"127.0.0.4", 40002, "127.0.0.2"},
         TcpOutcome::unreachable},
    };
    const auto output = run_in_namespace(
        netns.path(),
        [&] {
            // A fresh namespace has no other listeners, so a fixed port is safe here.
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            auto where = probes_test::ipv4("127.0.0.1", 40000);
            ::bind(fd, reinterpret_cast<sockaddr*>(&where), sizeof where);
            ::listen(fd, 16);
            Observations observations;
            std::vector<TcpProbe> probes;
            for (const auto& row : rows) probes.push_back(row.probe);
            for (std::uint16_t port = 41000; port < 41500; ++port) {
                probes.push_back({"127.0.0.3", port, "127.0.0.2"});
            }
            PortProberOptions options;
            options.timeout = std::chrono::milliseconds(1500);
            observations.tcp = make_epoll_port_prober(options)->probe(probes);
            ::close(fd);
            return observations_to_json_text(observations);
        },
        std::chrono::seconds(20));
    ASSERT_FALSE(output.empty()) << "the prober did not report from the namespace";
    auto observations = observations_from_json_text(output).tcp;
    ASSERT_EQ(observations.size(), rows.size() + 500);
    std::int64_t slowest = 0;
    for (std::size_t i = rows.size(); i < observations.size(); ++i) {
        EXPECT_EQ(observations[i].outcome, TcpOutcome::filtered) << observations[i].probe.port;
        slowest = std::max(slowest, observations[i].elapsed_ms);
    }
    // 500 dropped ports cost one timeout, not 500.
    EXPECT_GE(slowest, 1400);
    EXPECT_LT(slowest, 3000);
    observations.resize(rows.size());
    expect_rows(rows, observations);
}

}  // namespace
}  // namespace edgeplan::checks::probes
