// The probe progress hook (checks/probe_runner.h) and the line `check` draws from it
// (app/progress_line.h): counts reach the total, every target is named, nothing without a hook.
#include <gtest/gtest.h>

#include <mutex>
#include <sstream>

#include "app/progress_line.h"
#include "checks/probe_runner.h"

namespace edgeplan::checks {
namespace {

using namespace probes;

// Answers everything at once, counting the calls (one per chunk when progress is on).
struct FakeResolver : Resolver {
    int calls = 0;
    std::vector<DnsAnswer> resolve(const std::vector<DnsQuery>& queries) override {
        ++calls;
        std::vector<DnsAnswer> out;
        for (const DnsQuery& q : queries) {
            DnsAnswer a;
            a.query = q;
            a.outcome = DnsOutcome::ok;
            if (q.type == DnsType::SRV) a.srv = {SrvRecord{0, 0, 5061, "sip.example.com"}};
            if (q.type == DnsType::A) a.addresses = {"192.0.2.1"};
            out.push_back(a);
        }
        return out;
    }
};
struct FakePorts : PortProber {
    int calls = 0;
    std::vector<TcpObservation> probe(const std::vector<TcpProbe>& probes) override {
        ++calls;
        std::vector<TcpObservation> out;
        for (const TcpProbe& p : probes) out.push_back(TcpObservation{p, TcpOutcome::open, 1, ""});
        return out;
    }
};
struct FakeStun : StunProber {
    std::vector<StunObservation> probe(const std::vector<UdpStunProbe>& probes) override {
        std::vector<StunObservation> out;
        for (const UdpStunProbe& p : probes) out.push_back(StunObservation{p, {}, 1, ""});
        return out;
    }
};

struct Fixture {
    topology::Plan plan;
    ProbeRequests requests;
    ProbeSettings settings;
    Fixture() {
        topology::FirewallRule rule;
        std::vector<std::string> probe_addresses;
        for (int i = 1; i <= 40; ++i) probe_addresses.push_back("192.0.2." + std::to_string(i));
        rule.probe_addresses = probe_addresses;
        plan.firewall.push_back(rule);
        for (const std::string& a : rule.probe_addresses) {
            requests.tcp.push_back(TcpProbe{a, 443, std::nullopt});
        }
        requests.stun.push_back(UdpStunProbe{"192.0.2.1", 3478});
        DnsLookup srv;
        srv.name = "_sipfederationtls._tcp.example.com";
        srv.type = DnsType::SRV;
        srv.follow_srv_targets = true;
        requests.dns.push_back(srv);
        settings.external_dns_servers = {"127.0.0.1:53"};
    }
};

TEST(ProbeProgress, CountsReachTheTotalAndNameEachTarget) {
    Fixture f;
    FakeResolver resolver;
    FakePorts ports;
    FakeStun stun;
    ProbeBackends backends{resolver, ports, stun};
    ProbeRunOptions options;
    std::mutex mutex;
    std::vector<ProbeProgress> seen;
    options.progress = [&](const ProbeProgress& p) {
        std::lock_guard<std::mutex> lock(mutex);
        seen.push_back(p);
    };
    const ProbeRunResult result = run_probes(f.requests, f.plan, f.settings, options, backends);
    ASSERT_EQ(result.observations.tcp.size(), 40u);
    ASSERT_FALSE(seen.empty());
    // 40 TCP + 1 STUN + 1 SRV + A and AAAA of the SRV target learned in round 2.
    EXPECT_EQ(seen.back().done, 44u);
    EXPECT_EQ(seen.back().total, 44u);
    bool named_tcp = false, named_udp = false, named_dns = false;
    for (const ProbeProgress& p : seen) {
        EXPECT_LE(p.done, p.total);
        named_tcp = named_tcp || p.current.rfind("tcp:192.0.2.", 0) == 0;
        named_udp = named_udp || p.current == "udp:192.0.2.1:3478";
        named_dns = named_dns || p.current == "dns:_sipfederationtls._tcp.example.com/SRV";
    }
    EXPECT_TRUE(named_tcp && named_udp && named_dns);
    EXPECT_EQ(ports.calls, 3) << "40 probes in chunks of 16";
}

TEST(ProbeProgress, NoHookMeansOneBatchAndNoCalls) {
    Fixture f;
    FakeResolver resolver;
    FakePorts ports;
    FakeStun stun;
    ProbeBackends backends{resolver, ports, stun};
    const ProbeRunResult result = run_probes(f.requests, f.plan, f.settings, {}, backends);
    EXPECT_EQ(result.observations.tcp.size(), 40u);
    EXPECT_EQ(ports.calls, 1);
}

TEST(ProgressLine, RedrawsInPlaceCleansTargetsAndClears) {
    EXPECT_EQ(app::progress_text({3, 10, "tcp:192.0.2.1:443"}), "probing 3/10 tcp:192.0.2.1:443");
    EXPECT_EQ(app::progress_text({0, 1, "dns:evil\x1b[2J/A"}), "probing 0/1 dns:evil\\x1b[2J/A");
    EXPECT_EQ(app::progress_text({1, 2, std::string(200, 'a')}).size(), 79u);
    std::ostringstream out;
    {
        app::ProgressLine line(out);
        line.update({1, 2, "udp:192.0.2.1:3478"});
    }
    EXPECT_EQ(out.str(), "\r\x1b[Kprobing 1/2 udp:192.0.2.1:3478\r\x1b[K");
}

}  // namespace
}  // namespace edgeplan::checks
