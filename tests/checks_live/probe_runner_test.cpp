// The probe runner with fake backends: targets are exactly the plan's addresses (nothing
// learned from DNS is probed), the SRV -> A/AAAA chain runs, refused targets are reported, and
// a replay that lacks an entry costs only that entry, and no exception escapes a joinable thread.
#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>

#include "checks/probes/recorded_probes.h"
#include "tests/checks_live/live_fixture.h"

namespace edgeplan::checks::live_test {
namespace {

using probes::DnsQuery;
using probes::StunObservation;
using probes::TcpObservation;
using probes::TcpProbe;
using probes::UdpStunProbe;

// Answers from healthy_dns(), plus an address that is not in the plan for sip.contoso.com.
class FakeResolver final : public probes::Resolver {
  public:
    std::vector<DnsAnswer> resolve(const std::vector<DnsQuery>& queries) override {
        std::lock_guard<std::mutex> lock(mutex_);
        batches.push_back(queries);
        std::vector<DnsAnswer> out;
        for (const DnsQuery& q : queries) {
            DnsAnswer a;
            a.query = q;
            a.outcome = DnsOutcome::nxdomain;
            for (const DnsAnswer& known : data.dns) {
                if (known.query.name == q.name && known.query.type == q.type &&
                    known.query.server == q.server) {
                    a = known;
                }
            }
            out.push_back(a);
        }
        return out;
    }
    Observations data;
    std::vector<std::vector<DnsQuery>> batches;

  private:
    std::mutex mutex_;
};

class FakePorts final : public probes::PortProber {
  public:
    std::vector<TcpObservation> probe(const std::vector<TcpProbe>& probes) override {
        // The runner probes TLS endpoints on their own thread, beside the TCP sweep.
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<TcpObservation> out;
        for (const TcpProbe& p : probes) {
            probed.push_back(p);
            out.push_back({p, probes::TcpOutcome::open, 1, ""});
        }
        return out;
    }
    std::vector<TcpProbe> probed;

  private:
    std::mutex mutex_;
};

class FakeStun final : public probes::StunProber {
  public:
    std::vector<StunObservation> probe(const std::vector<UdpStunProbe>& probes) override {
        std::vector<StunObservation> out;
        for (const UdpStunProbe& p : probes) {
            probed.push_back(p);
            StunObservation o;
            o.probe = p;
            o.outcome.binding_answered = true;
            o.outcome.silence = false;
            out.push_back(o);
        }
        return out;
    }
    std::vector<UdpStunProbe> probed;
};

std::vector<const Check*> all_checks(const World& w) {
    std::vector<const Check*> out;
    for (const auto& c : w.checks) out.push_back(c.get());
    return out;
}

TEST(ProbeRunner, ProbesExactlyThePlanAddressesAndFollowsSrv) {
    World w = load_world(dnslb_topology());
    w.settings.sides = {ProbeSide::external, ProbeSide::internal};
    FakeResolver resolver;
    resolver.data = healthy_dns();
    // DNS names an address the plan lacks, and an SRV target outside the plan.
    ok_a(resolver.data, "sip.contoso.com", {"203.0.113.11", "203.0.113.12", "192.0.2.99"});
    ok_srv(resolver.data, "_sipfederationtls._tcp.fabrikam.com",
           {{0, 0, 5061, "sip.fabrikam.com"}});
    FakePorts ports;
    FakeStun stun;
    ProbeBackends backends{resolver, ports, stun};
    // The collection needs the probe settings (sides) but no observations.
    CheckContext with_settings = w.context(false);
    with_settings.probe = &w.settings;
    const auto requested = collect_requests(all_checks(w), with_settings, {});
    const ProbeRunResult run = run_probes(requested, w.plan, w.settings, {}, backends);

    // Probe targets: exactly the inbound rules' plan addresses, both sides.
    std::set<std::string> targets;
    for (const auto& p : ports.probed) targets.insert(p.address);
    for (const auto& p : stun.probed) targets.insert(p.address);
    std::set<std::string> expected;
    for (const auto& rule : w.plan.firewall) {
        if (rule.direction != topology::Direction::inbound) continue;
        if (rule.port_from != rule.port_to) continue;
        for (const auto& a : rule.probe_addresses) expected.insert(a);
    }
    EXPECT_EQ(targets, expected);
    EXPECT_EQ(targets.count("192.0.2.99"), 0u) << "an address learned from DNS was probed";
    EXPECT_EQ(targets.count("198.51.100.5"), 0u) << "a partner address was probed";
    EXPECT_TRUE(run.refused.empty());

    // Round 1 asks the SRV; round 2 asks A and AAAA of its target at the same server.
    ASSERT_EQ(resolver.batches.size(), 2u);
    auto asked = [&](std::size_t round, const std::string& name, DnsType type) {
        for (const auto& q : resolver.batches[round]) {
            if (q.name == name && q.type == type && q.server == kExternal) return true;
        }
        return false;
    };
    EXPECT_TRUE(asked(0, "_sipfederationtls._tcp.fabrikam.com", DnsType::SRV));
    EXPECT_TRUE(asked(1, "sip.fabrikam.com", DnsType::A));
    EXPECT_TRUE(asked(1, "sip.fabrikam.com", DnsType::AAAA));
    EXPECT_FALSE(asked(1, "sip.contoso.com", DnsType::A)) << "already asked in round 1";
    // Internal-zone names go to the internal server only.
    bool internal_ok = false;
    for (const auto& q : resolver.batches[0]) {
        if (q.name == "edge01.contoso.net") {
            EXPECT_EQ(q.server, kInternal);
            internal_ok = true;
        }
    }
    EXPECT_TRUE(internal_ok);
}

TEST(ProbeRunner, RefusesTargetsOutsideThePlanUnlessAdded) {
    World w = load_world(dnslb_topology());
    FakeResolver resolver;
    FakePorts ports;
    FakeStun stun;
    ProbeBackends backends{resolver, ports, stun};
    probes::ProbeRequests requests;
    requests.tcp.push_back({"192.0.2.99", 443, std::nullopt});
    requests.tcp.push_back({"203.0.113.11", 443, std::nullopt});
    requests.stun.push_back({"192.0.2.98", 3478});
    ProbeRunResult run = run_probes(requests, w.plan, w.settings, {}, backends);
    ASSERT_EQ(ports.probed.size(), 1u);
    EXPECT_EQ(ports.probed[0].address, "203.0.113.11");
    EXPECT_TRUE(stun.probed.empty());
    EXPECT_EQ(run.refused, (std::vector<std::string>{"tcp:192.0.2.99:443", "udp:192.0.2.98:3478"}));

    ports.probed.clear();
    ProbeRunOptions options;
    options.extra_targets = {"192.0.2.99"};
    run = run_probes(requests, w.plan, w.settings, options, backends);
    EXPECT_EQ(ports.probed.size(), 2u) << "--target adds an allowed address";
}

TEST(ProbeRunner, LoopbackProbesBindADistinctSource) {
    EXPECT_EQ(source_address_for("127.0.0.1", ""), "127.0.0.2");
    EXPECT_EQ(source_address_for("127.0.0.5", ""), "127.0.0.1");
    EXPECT_EQ(source_address_for("203.0.113.11", ""), "");
    EXPECT_EQ(source_address_for("127.0.0.5", "127.0.0.7"), "127.0.0.7");
    EXPECT_EQ(source_address_for("::1", "127.0.0.7"), "") << "family mismatch";
}

TEST(ProbeRunner, ReplayMissingEntryCostsOnlyThatEntry) {
    World w = load_world(dnslb_topology());
    Observations recording;
    recording.tcp.push_back({{"203.0.113.11", 443, std::nullopt}, probes::TcpOutcome::open, 1, ""});
    probes::ReplayResolver resolver(recording);
    probes::ReplayPortProber ports(recording);
    probes::ReplayStunProber stun(recording);
    ProbeBackends backends{resolver, ports, stun};
    probes::ProbeRequests requests;
    requests.tcp.push_back({"203.0.113.11", 443, std::nullopt});
    requests.tcp.push_back({"203.0.113.12", 443, std::nullopt});
    const ProbeRunResult run = run_probes(requests, w.plan, w.settings, {}, backends);
    ASSERT_EQ(run.observations.tcp.size(), 1u);
    EXPECT_EQ(run.observations.tcp[0].probe.address, "203.0.113.11");
    EXPECT_EQ(run.backend_errors.size(), 1u);
}

// A progress callback that throws (a closed terminal, a full disk) stops the run: the
// exception reaches the caller once every lane has joined, instead of std::terminate from a
// joinable thread. The backends were still only asked for plan addresses.
TEST(ProbeRunner, ThrowingProgressCallbackReachesTheCallerAfterEveryLaneJoined) {
    World w = load_world(dnslb_topology());
    FakeResolver resolver;
    resolver.data = healthy_dns();
    FakePorts ports;
    FakeStun stun;
    ProbeBackends backends{resolver, ports, stun};
    probes::ProbeRequests requests;
    requests.tcp.push_back({"203.0.113.11", 443, std::nullopt});
    requests.tcp.push_back({"203.0.113.12", 443, std::nullopt});
    requests.stun.push_back({"203.0.113.11", 3478});
    requests.dns.push_back({"sip.contoso.com", DnsType::A, probes::DnsView::external, false});
    ProbeRunOptions options;
    options.progress_chunk = 1;
    std::atomic<int> calls{0};
    options.progress = [&](const ProbeProgress&) {
        ++calls;
        throw std::runtime_error("progress display failed");
    };
    EXPECT_THROW(
        {
            try {
                run_probes(requests, w.plan, w.settings, options, backends);
            } catch (const std::runtime_error& e) {
                EXPECT_STREQ(e.what(), "progress display failed");
                throw;
            }
        },
        std::runtime_error);
    EXPECT_GE(calls.load(), 1);
    for (const auto& p : ports.probed) EXPECT_NE(p.address, "192.0.2.99");
}

// A backend that throws something other than std::exception is not a backend failure the
// run can report per request: it too reaches the caller after every lane joined.
TEST(ProbeRunner, NonStandardBackendExceptionReachesTheCaller) {
    World w = load_world(dnslb_topology());
    class ThrowingStun final : public probes::StunProber {
      public:
        std::vector<StunObservation> probe(const std::vector<UdpStunProbe>&) override { throw 42; }
    };
    FakeResolver resolver;
    FakePorts ports;
    ThrowingStun stun;
    ProbeBackends backends{resolver, ports, stun};
    probes::ProbeRequests requests;
    requests.tcp.push_back({"203.0.113.11", 443, std::nullopt});
    requests.stun.push_back({"203.0.113.11", 3478});
    EXPECT_THROW(run_probes(requests, w.plan, w.settings, {}, backends), int);
    EXPECT_EQ(ports.probed.size(), 1u) << "the other lanes ran to their end";
}

// Requests from a check can only name plan addresses, but the runner does not trust that:
// a request outside the plan is refused by the admit step and no backend ever sees it.
TEST(ProbeRunner, RequestOutsideThePlanReachesNoBackend) {
    World w = load_world(dnslb_topology());
    FakeResolver resolver;
    FakePorts ports;
    FakeStun stun;
    ProbeBackends backends{resolver, ports, stun};
    probes::ProbeRequests requests;
    requests.tcp.push_back({"192.0.2.99", 5061, std::nullopt});
    requests.stun.push_back({"192.0.2.99", 3478});
    requests.tls.push_back({"192.0.2.99", 5061, "sip.contoso.com", true, false});
    requests.token_echo.push_back({"192.0.2.99", 443, topology::Transport::tcp});
    const ProbeRunResult run = run_probes(requests, w.plan, w.settings, {}, backends);
    EXPECT_TRUE(ports.probed.empty());
    EXPECT_TRUE(stun.probed.empty());
    EXPECT_TRUE(run.observations.tls.empty());
    EXPECT_TRUE(run.observations.token_echo.empty());
    EXPECT_EQ(run.refused.size(), 4u);
}

}  // namespace
}  // namespace edgeplan::checks::live_test
