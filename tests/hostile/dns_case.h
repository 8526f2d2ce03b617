#pragma once
// One hostile-DNS case: a peer on 127.0.0.x, one query through the real resolver, and the
// checks every case shares (an evidence outcome, no wait past the configured timeout).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "checks/probes/resolver.h"
#include "tests/hostile/hostile_peer.h"

namespace edgeplan::hostile_test {

using checks::probes::DnsOutcome;

struct DnsCase {
    std::string name;  // starts with the expected outcome
    HostilePeer::UdpHandler udp;
    HostilePeer::TcpHandler tcp;  // empty: nothing listens on TCP
    DnsOutcome expected;
    bool over_tcp = false;  // the resolver got TC=1 and went on over TCP
    std::chrono::milliseconds timeout{800};
};

// Slack for scheduling and ASan on two loaded cores: the resolver must end within timeout +
// 1.5 s. A resolver whose clock restarted on each byte would never end against a dripping peer.
constexpr auto kSlack = std::chrono::milliseconds(1500);

inline void run_dns_case(const DnsCase& row, const std::string& address) {
    SCOPED_TRACE(row.name);
    HostilePeer peer(address, row.udp, row.tcp);
    ASSERT_TRUE(peer.ok());
    checks::probes::ResolverOptions options;
    options.timeout = row.timeout;
    const auto start = Clock::now();
    const auto answers = checks::probes::make_ldns_resolver(options)->resolve(
        {{"a.example.test", checks::probes::DnsType::A, peer.endpoint()}});
    const auto elapsed = Clock::now() - start;
    ASSERT_EQ(answers.size(), 1u);
    const auto& answer = answers[0];
    EXPECT_STREQ(to_string(answer.outcome), to_string(row.expected)) << answer.detail;
    EXPECT_EQ(answer.truncated_retry_over_tcp, row.over_tcp);
    EXPECT_TRUE(answer.addresses.empty());
    EXPECT_LE(elapsed, row.timeout + kSlack);
    EXPECT_LE(answer.elapsed_ms, (row.timeout + kSlack).count());
}

}  // namespace edgeplan::hostile_test
