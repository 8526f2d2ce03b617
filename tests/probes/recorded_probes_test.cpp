// Record a live run, write it as JSON, read it back and replay it: the checks see the same
// observations without a network.
#include "checks/probes/recorded_probes.h"

#include <gtest/gtest.h>

#include "tests/probes/test_support.h"

namespace edgeplan::checks::probes {
namespace {

TEST(RecordedProbes, ReplayReturnsWhatWasRecorded) {
    const std::uint16_t closed = probes_test::free_port("127.0.0.7");
    const std::uint16_t udp_closed = probes_test::free_port("127.0.0.7", true);
    Observations recording;
    auto live_tcp = make_epoll_port_prober();
    auto live_stun = make_stun_prober();
    RecordingPortProber tcp(*live_tcp, recording);
    RecordingStunProber stun(*live_stun, recording);
    const std::vector<TcpProbe> tcp_probes = {{"127.0.0.7", closed, std::nullopt}};
    const std::vector<UdpStunProbe> stun_probes = {{"127.0.0.7", udp_closed}};
    const auto tcp_live = tcp.probe(tcp_probes);
    const auto stun_live = stun.probe(stun_probes);
    ASSERT_EQ(recording.tcp.size(), 1u);
    ASSERT_EQ(recording.stun.size(), 1u);
    EXPECT_EQ(tcp_live[0].outcome, TcpOutcome::closed);
    EXPECT_TRUE(stun_live[0].outcome.port_unreachable);

    const Observations replayed = observations_from_json_text(observations_to_json_text(recording));
    EXPECT_EQ(ReplayPortProber(replayed).probe(tcp_probes), tcp_live);
    EXPECT_EQ(ReplayStunProber(replayed).probe(stun_probes), stun_live);
}

TEST(RecordedProbes, MissingRecordingIsAToolFailure) {
    Observations recording;
    recording.dns.push_back(DnsAnswer{});
    recording.dns[0].query = {"sip.contoso.com", DnsType::A, "127.0.0.53"};
    recording.dns[0].outcome = DnsOutcome::nxdomain;
    ReplayResolver resolver(recording);
    EXPECT_EQ(resolver.resolve({recording.dns[0].query})[0].outcome, DnsOutcome::nxdomain);
    EXPECT_THROW(resolver.resolve({{"sip.contoso.com", DnsType::AAAA, "127.0.0.53"}}),
                 ReplayMissing);
    EXPECT_THROW(ReplayPortProber(recording).probe({{"127.0.0.1", 5061, std::nullopt}}),
                 ReplayMissing);
}

}  // namespace
}  // namespace edgeplan::checks::probes
