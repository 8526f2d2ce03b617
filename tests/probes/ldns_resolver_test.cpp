// The ldns resolver against a real authoritative server (NSD on 127.0.0.53) and against small
// misbehaving UDP servers for the outcomes NSD will not produce on demand.
#include <gtest/gtest.h>
#include <poll.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

#include "checks/probes/resolver.h"
#include "tests/probes/test_support.h"
#include "tests/support/required.h"

namespace edgeplan::checks::probes {
namespace {

using probes_test::ChildProcess;
using probes_test::TempDir;

constexpr const char* kNsdAddress = "127.0.0.53";

std::string zone_text() {
    std::string zone =
        "$ORIGIN example.test.\n"
        "$TTL 300\n"
        "@ IN SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 300\n"
        "@ IN NS ns.example.test.\n"
        "ns IN A 127.0.0.53\n"
        "host IN A 192.0.2.10\n"
        "host IN AAAA 2001:db8::10\n"
        "v4only IN A 192.0.2.11\n"
        "_sipfederationtls._tcp IN SRV 0 0 5061 sip.example.test.\n"
        "sip IN CNAME edge.example.test.\n"
        "edge IN CNAME host.example.test.\n"
        "dangling IN CNAME gone.example.test.\n"
        "outside IN CNAME www.other.test.\n"
        "loop1 IN CNAME loop2.example.test.\n"
        "loop2 IN CNAME loop1.example.test.\n";
    // 60 A records do not fit a 512-byte UDP answer without EDNS: NSD sets TC=1.
    for (int i = 1; i <= 60; ++i) zone += "big IN A 192.0.2." + std::to_string(i) + "\n";
    return zone;
}

// NSD serving example.test on 127.0.0.53:<free port>; skipped when NSD is not installed.
class NsdServer {
  public:
    bool start() {
        if (!probes_test::have_program("nsd") || dir_.path().empty()) return false;
        port_ = probes_test::free_port(kNsdAddress, true);
        if (port_ == 0) return false;
        const auto dir = dir_.path().string();
        probes_test::write_file(dir_.path() / "example.test.zone", zone_text());
        probes_test::write_file(dir_.path() / "nsd.conf",
                                "server:\n"
                                "  ip-address: " +
                                    std::string(kNsdAddress) + "@" + std::to_string(port_) +
                                    "\n"
                                    "  database: \"\"\n"
                                    "  username: \"\"\n"
                                    "  chroot: \"\"\n"
                                    "  server-count: 1\n"
                                    "  rrl-ratelimit: 0\n"
                                    "  pidfile: \"" +
                                    dir + "/nsd.pid\"\n" + "  xfrdfile: \"" + dir +
                                    "/xfrd.state\"\n" + "  zonelistfile: \"" + dir +
                                    "/zone.list\"\n" + "  logfile: \"" + dir + "/nsd.log\"\n" +
                                    "remote-control:\n"
                                    "  control-enable: no\n"
                                    "zone:\n"
                                    "  name: example.test\n"
                                    "  zonefile: \"" +
                                    dir + "/example.test.zone\"\n");
        process_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{probes_test::find_program("nsd"), "-d", "-c",
                                     dir + "/nsd.conf"},
            dir_.path() / "out.log");
        return process_->started() && probes_test::wait_until(
                                          [&] {
                                              return process_->running() &&
                                                     probes_test::tcp_accepts(kNsdAddress, port_);
                                          },
                                          std::chrono::seconds(10));
    }
    std::string server() const { return std::string(kNsdAddress) + ":" + std::to_string(port_); }
    std::string log() const {
        return probes_test::read_file(dir_.path() / "out.log") +
               probes_test::read_file(dir_.path() / "nsd.log");
    }

  private:
    TempDir dir_;
    std::uint16_t port_ = 0;
    std::unique_ptr<ChildProcess> process_;
};

struct Row {
    Row(std::string name_, DnsQuery query_, DnsOutcome outcome_,
        std::vector<std::string> addresses_ = {}, std::vector<std::string> chain_ = {},
        std::vector<SrvRecord> srv_ = {}, bool over_tcp_ = false)
        : name(std::move(name_)),
          query(std::move(query_)),
          outcome(outcome_),
          addresses(std::move(addresses_)),
          chain(std::move(chain_)),
          srv(std::move(srv_)),
          over_tcp(over_tcp_) {}
    std::string name;  // starts with the expected outcome
    DnsQuery query;
    DnsOutcome outcome;
    std::vector<std::string> addresses;
    std::vector<std::string> chain;
    std::vector<SrvRecord> srv;
    bool over_tcp = false;
};

void expect_row(const Row& row, const DnsAnswer& answer) {
    SCOPED_TRACE(row.name + " (detail: " + answer.detail + ")");
    EXPECT_EQ(answer.query, row.query);
    EXPECT_STREQ(to_string(answer.outcome), to_string(row.outcome));
    EXPECT_EQ(answer.addresses, row.addresses);
    EXPECT_EQ(answer.cname_chain, row.chain);
    EXPECT_EQ(answer.srv, row.srv);
    EXPECT_EQ(answer.truncated_retry_over_tcp, row.over_tcp);
}

TEST(LdnsResolver, TellsNsdOutcomesApart) {
    NsdServer nsd;
    if (!probes_test::have_program("nsd")) EDGEPLAN_REQUIRED_MISSING() << "nsd is not installed";
    ASSERT_TRUE(nsd.start()) << nsd.log();
    const std::string at = nsd.server();
    std::vector<std::string> big;
    for (int i = 1; i <= 60; ++i) big.push_back("192.0.2." + std::to_string(i));
    const std::vector<Row> rows = {
        {"ok - A record", {"host.example.test", DnsType::A, at}, DnsOutcome::ok, {"192.0.2.10"}},
        {"ok - AAAA record",
         {"HOST.example.test.", DnsType::AAAA, at},
         DnsOutcome::ok,
         {"2001:db8::10"}},
        {"ok - SRV record",
         {"_sipfederationtls._tcp.example.test", DnsType::SRV, at},
         DnsOutcome::ok,
         {},
         {},
         {{0, 0, 5061, "sip.example.test"}}},
        {"ok - A through a two-step CNAME chain",
         {"sip.example.test", DnsType::A, at},
         DnsOutcome::ok,
         {"192.0.2.10"},
         {"edge.example.test", "host.example.test"}},
        {"ok - CNAME asked directly is not followed",
         {"sip.example.test", DnsType::CNAME, at},
         DnsOutcome::ok,
         {},
         {"edge.example.test"}},
        {"ok - large RRset truncated over UDP, retried over TCP",
         {"big.example.test", DnsType::A, at},
         DnsOutcome::ok,
         big,
         {},
         {},
         true},
        {"nodata - name exists without AAAA",
         {"v4only.example.test", DnsType::AAAA, at},
         DnsOutcome::nodata},
        {"nxdomain - name missing", {"missing.example.test", DnsType::A, at}, DnsOutcome::nxdomain},
        {"nxdomain - CNAME target missing",
         {"dangling.example.test", DnsType::A, at},
         DnsOutcome::nxdomain,
         {},
         {"gone.example.test"}},
        {"malformed - CNAME loop is cut off",
         {"loop1.example.test", DnsType::A, at},
         DnsOutcome::malformed,
         {},
         {"loop2.example.test", "loop1.example.test"}},
        {"refused - zone not served here", {"www.other.test", DnsType::A, at}, DnsOutcome::refused},
        {"refused - CNAME leaves the zone, follow-up query is refused",
         {"outside.example.test", DnsType::A, at},
         DnsOutcome::refused,
         {},
         {"www.other.test"}},
    };
    std::vector<DnsQuery> queries;
    for (const auto& row : rows) queries.push_back(row.query);
    ResolverOptions options;
    options.timeout = std::chrono::milliseconds(3000);
    options.max_in_flight = 4;  // fewer than the rows: the queue is exercised too
    const auto answers = make_ldns_resolver(options)->resolve(queries);
    ASSERT_EQ(answers.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) expect_row(rows[i], answers[i]);
}

TEST(LdnsResolver, ManyQueriesInFlightAllAnswered) {
    NsdServer nsd;
    if (!probes_test::have_program("nsd")) EDGEPLAN_REQUIRED_MISSING() << "nsd is not installed";
    ASSERT_TRUE(nsd.start()) << nsd.log();
    std::vector<DnsQuery> queries;
    for (int i = 0; i < 300; ++i) {
        queries.push_back(
            {i % 2 ? "host.example.test" : "missing" + std::to_string(i) + ".example.test",
             DnsType::A, nsd.server()});
    }
    ResolverOptions options;
    options.max_in_flight = 100;
    const auto start = std::chrono::steady_clock::now();
    const auto answers = make_ldns_resolver(options)->resolve(queries);
    // A bound against a hang (300 questions, 100 in flight), not a speed test: benchmarks
    // live in tests/bench.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    ASSERT_EQ(answers.size(), queries.size());
    for (std::size_t i = 0; i < answers.size(); ++i) {
        EXPECT_EQ(answers[i].outcome, i % 2 ? DnsOutcome::ok : DnsOutcome::nxdomain) << i;
    }
}

// A UDP server on 127.0.0.x that answers each query according to `mode`; stops (bounded) when
// destroyed.
class FakeDnsServer {
  public:
    // burst: holds the queries until kBurst have come (or 100 ms passed), then answers them
    // all at once, newest first, each answer after a junk datagram and a cut copy of itself
    // with the same ID: the resolver finds several datagrams ready on its sockets.
    enum class Mode { silent, servfail, decoys_then_refused, garbage, burst };
    static constexpr std::size_t kBurst = 8;

    FakeDnsServer(const std::string& address, Mode mode) : mode_(mode) {
        fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
        port_ = probes_test::free_port(address, true);
        auto where = probes_test::ipv4(address, port_);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&where), sizeof where) != 0) port_ = 0;
        server_ = address + ":" + std::to_string(port_);
        if (mode_ != Mode::silent) thread_ = std::thread([this] { serve(); });
    }
    ~FakeDnsServer() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        ::close(fd_);
    }
    const std::string& server() const { return server_; }
    bool ok() const { return port_ != 0; }

  private:
    void reply(std::vector<std::uint8_t> message, const sockaddr_in& to, int rcode) {
        message[2] |= 0x80;  // QR
        message[3] = static_cast<std::uint8_t>((message[3] & 0xf0) | rcode);
        ::sendto(fd_, message.data(), message.size(), 0, reinterpret_cast<const sockaddr*>(&to),
                 sizeof to);
    }
    void serve() {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!stop_ && std::chrono::steady_clock::now() < end) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, mode_ == Mode::burst ? 10 : 50) <= 0) {
                if (mode_ == Mode::burst && !held_.empty() &&
                    std::chrono::steady_clock::now() - held_since_ >
                        std::chrono::milliseconds(100)) {
                    answer_burst();
                }
                continue;
            }
            std::uint8_t buffer[512];
            sockaddr_in from{};
            socklen_t length = sizeof from;
            const auto n = ::recvfrom(fd_, buffer, sizeof buffer, 0,
                                      reinterpret_cast<sockaddr*>(&from), &length);
            if (n < 17) continue;
            const std::vector<std::uint8_t> query(buffer, buffer + n);
            if (mode_ == Mode::burst) {
                if (held_.empty()) held_since_ = std::chrono::steady_clock::now();
                held_.push_back({query, from});
                if (held_.size() == kBurst) answer_burst();
            } else if (mode_ == Mode::garbage) {
                const std::uint8_t junk[] = {query[0], query[1], 0x81, 0x80, 0xff};
                ::sendto(fd_, junk, sizeof junk, 0, reinterpret_cast<sockaddr*>(&from), length);
            } else if (mode_ == Mode::servfail) {
                reply(query, from, 2);
            } else {
                auto wrong_id = query;
                wrong_id[1] = static_cast<std::uint8_t>(wrong_id[1] + 1);
                reply(wrong_id, from, 2);
                auto wrong_question = query;
                wrong_question[13] ^= 0x01;  // first letter of the first label
                reply(wrong_question, from, 2);
                reply(query, from, 5);
            }
        }
    }

    // The A record 192.0.2.N for a question "qN.<zone>" (N below 256).
    static std::vector<std::uint8_t> burst_answer(const std::vector<std::uint8_t>& query) {
        const std::size_t label = query[12];
        const int n = std::stoi(std::string(query.begin() + 14, query.begin() + 13 + label));
        std::vector<std::uint8_t> answer = query;
        answer[2] |= 0x84;  // QR, AA
        answer[7] = 1;      // ANCOUNT
        const std::uint8_t record[] = {0xc0, 0x0c, 0, 1, 0,   1, 0, 0,
                                       0x0e, 0x10, 0, 4, 192, 0, 2, static_cast<std::uint8_t>(n)};
        answer.insert(answer.end(), std::begin(record), std::end(record));
        return answer;
    }
    void answer_burst() {
        for (auto held = held_.rbegin(); held != held_.rend(); ++held) {
            const auto& [query, to] = *held;
            const auto* where = reinterpret_cast<const sockaddr*>(&to);
            const std::uint8_t junk[] = {query[0], query[1], 0x81, 0x80, 0xff};
            ::sendto(fd_, junk, sizeof junk, 0, where, sizeof to);
            const auto answer = burst_answer(query);
            ::sendto(fd_, answer.data(), answer.size() - 3, 0, where, sizeof to);
            ::sendto(fd_, answer.data(), answer.size(), 0, where, sizeof to);
        }
        held_.clear();
    }

    Mode mode_;
    std::vector<std::pair<std::vector<std::uint8_t>, sockaddr_in>> held_;
    std::chrono::steady_clock::time_point held_since_;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::string server_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

TEST(LdnsResolver, TellsMisbehavingServersApart) {
    FakeDnsServer silent("127.0.0.54", FakeDnsServer::Mode::silent);
    FakeDnsServer servfail("127.0.0.55", FakeDnsServer::Mode::servfail);
    FakeDnsServer decoys("127.0.0.56", FakeDnsServer::Mode::decoys_then_refused);
    FakeDnsServer garbage("127.0.0.57", FakeDnsServer::Mode::garbage);
    ASSERT_TRUE(silent.ok() && servfail.ok() && decoys.ok() && garbage.ok());
    const std::string closed =
        "127.0.0.58:" + std::to_string(probes_test::free_port("127.0.0.58", true));
    const std::vector<Row> rows = {
        {"timeout - server never answers",
         {"a.example.test", DnsType::A, silent.server()},
         DnsOutcome::timeout},
        {"servfail - server answers SERVFAIL",
         {"a.example.test", DnsType::A, servfail.server()},
         DnsOutcome::servfail},
        {"refused - wrong-ID and wrong-question answers are dropped first",
         {"a.example.test", DnsType::SRV, decoys.server()},
         DnsOutcome::refused},
        {"malformed - only unparsable answers",
         {"a.example.test", DnsType::A, garbage.server()},
         DnsOutcome::malformed},
        {"network_error - ICMP port unreachable",
         {"a.example.test", DnsType::A, closed},
         DnsOutcome::network_error},
        {"network_error - server is not an address",
         {"a.example.test", DnsType::A, "dns.test"},
         DnsOutcome::network_error},
    };
    std::vector<DnsQuery> queries;
    for (const auto& row : rows) queries.push_back(row.query);
    // Seven more questions the silent server never answers: one timeout per question would
    // cost at least 8 x 800 ms; all in flight together cost about one.
    const std::size_t extra_silent = 7;
    for (std::size_t i = 0; i < extra_silent; ++i) {
        queries.push_back({"t" + std::to_string(i) + ".example.test", DnsType::A, silent.server()});
    }
    ResolverOptions options;
    options.timeout = std::chrono::milliseconds(800);
    const auto start = std::chrono::steady_clock::now();
    const auto answers = make_ldns_resolver(options)->resolve(queries);
    // Concurrency, not speed: below the sum of the silent questions' timeouts.
    EXPECT_LT(std::chrono::steady_clock::now() - start,
              static_cast<int>(extra_silent + 1) * options.timeout);
    ASSERT_EQ(answers.size(), rows.size() + extra_silent);
    for (std::size_t i = 0; i < rows.size(); ++i) expect_row(rows[i], answers[i]);
    for (std::size_t i = rows.size(); i < answers.size(); ++i) {
        EXPECT_EQ(answers[i].outcome, DnsOutcome::timeout) << answers[i].query.name;
    }
    EXPECT_GE(answers[0].elapsed_ms, 700);
}

// Several answers ready at once on the shared sockets, each behind junk and a cut copy with its
// ID: every query still gets its own answer, and the job slots freed by one burst carry the
// next queries (24 queries, 8 in flight).
TEST(LdnsResolver, BurstsOfAnswersAmongJunkAllMatchTheirQueries) {
    FakeDnsServer burst("127.0.0.59", FakeDnsServer::Mode::burst);
    ASSERT_TRUE(burst.ok());
    std::vector<DnsQuery> queries;
    for (int i = 0; i < 24; ++i) {
        queries.push_back({"q" + std::to_string(i) + ".example.test", DnsType::A, burst.server()});
    }
    ResolverOptions options;
    options.timeout = std::chrono::milliseconds(3000);
    options.max_in_flight = FakeDnsServer::kBurst;
    const auto answers = make_ldns_resolver(options)->resolve(queries);
    ASSERT_EQ(answers.size(), queries.size());
    for (std::size_t i = 0; i < answers.size(); ++i) {
        SCOPED_TRACE(answers[i].query.name + " (detail: " + answers[i].detail + ")");
        EXPECT_EQ(answers[i].query, queries[i]);
        EXPECT_EQ(answers[i].outcome, DnsOutcome::ok);
        EXPECT_EQ(answers[i].addresses, std::vector<std::string>{"192.0.2." + std::to_string(i)});
    }
}

}  // namespace
}  // namespace edgeplan::checks::probes
