// The TLS / XMPP chain of the probe runner with fake backends: TLS probes go only to plan
// addresses whose TCP probe said open, refused targets are reported, TLS probes run side by side
// (bounded by --concurrency) and a replay of a recording gives the same observations.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "checks/certificates_live/tls_targets.h"
#include "checks/probes/recorded_probes.h"
#include "tests/checks_live/live_fixture.h"

namespace edgeplan::checks::live_test {
namespace {

using namespace std::chrono_literals;

class Ports final : public probes::PortProber {
  public:
    std::vector<probes::TcpObservation> probe(const std::vector<probes::TcpProbe>& in) override {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<probes::TcpObservation> out;
        for (const auto& p : in) {
            probed.push_back(p);
            const bool closed = p.address == closed_address && p.port == closed_port;
            out.push_back(
                {p, closed ? probes::TcpOutcome::closed : probes::TcpOutcome::open, 1, ""});
        }
        return out;
    }
    std::string closed_address;
    std::uint16_t closed_port = 0;
    std::vector<probes::TcpProbe> probed;

  private:
    std::mutex mutex_;
};

class NoDns final : public probes::Resolver {
  public:
    std::vector<DnsAnswer> resolve(const std::vector<probes::DnsQuery>& queries) override {
        std::vector<DnsAnswer> out;
        for (const auto& q : queries)
            out.push_back({q, DnsOutcome::nxdomain, {}, {}, {}, false, 0, ""});
        return out;
    }
};

class NoStun final : public probes::StunProber {
  public:
    std::vector<probes::StunObservation> probe(const std::vector<probes::UdpStunProbe>&) override {
        return {};
    }
};

// Records the most handshakes in flight at once. With `rendezvous` set, each handshake waits
// (up to 30 s) until that many are in flight together: a runner that serialised them would
// never get there, and a loaded machine only makes the meeting later, never impossible.
class SlowTls final : public probes::TlsProber {
  public:
    std::vector<probes::TlsObservation> probe(const std::vector<probes::TlsProbe>& in) override {
        std::vector<probes::TlsObservation> out;
        for (const auto& p : in) {
            {
                std::unique_lock<std::mutex> lock(mutex_);
                const int now = ++in_flight;
                max_in_flight = std::max(max_in_flight, now);
                changed_.notify_all();
                if (rendezvous > 0) {
                    met =
                        changed_.wait_for(lock, 30s, [&] { return max_in_flight >= rendezvous; }) ||
                        met;
                } else {
                    changed_.wait_for(lock, 20ms);  // long enough for an overlap to show
                }
                --in_flight;
                probed.push_back(p);
            }
            probes::TlsObservation o;
            o.probe = p;
            o.connected = o.handshake_ok = true;
            out.push_back(o);
        }
        return out;
    }
    int rendezvous = 0;
    bool met = false;
    int in_flight = 0;
    int max_in_flight = 0;
    std::vector<probes::TlsProbe> probed;

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
};

class Xmpp final : public probes::XmppProber {
  public:
    std::vector<probes::XmppObservation> probe(const std::vector<probes::XmppProbe>& in) override {
        std::vector<probes::XmppObservation> out;
        for (const auto& p : in) {
            probes::XmppObservation o;
            o.probe = p;
            o.outcome = probes::XmppOutcome::tls_negotiated;
            out.push_back(o);
        }
        return out;
    }
};

probes::ProbeRequests tls_requests(const World& w) {
    std::vector<const Check*> all;
    for (const auto& c : w.checks) all.push_back(c.get());
    Selection only_tls;
    only_tls.only = {"tls", "xmpp"};
    return collect_requests(all, w.context(), only_tls);
}

TEST(TlsProbeRunner, ProbesOnlyOpenPlanEndpointsConcurrently) {
    World w = load_world(dnslb_topology());
    w.settings.sides = {ProbeSide::external, ProbeSide::internal};
    probes::ProbeRequests requests = tls_requests(w);
    ASSERT_EQ(requests.tls.size(), 8u);
    // A request for an address the plan does not name is refused, never probed.
    probes::TlsProbe outside = requests.tls.front();
    outside.address = "198.51.100.99";
    requests.tls.push_back(outside);

    Ports ports;
    ports.closed_address = "203.0.113.12";
    ports.closed_port = 5061;
    NoDns dns;
    NoStun stun;
    SlowTls tls;
    Xmpp xmpp;
    ProbeBackends backends{dns, ports, stun, &tls, &xmpp};
    ProbeRunOptions options;
    options.concurrency = 8;
    // TLS gets its half of --concurrency 8 (XMPP runs beside it): four handshakes at once.
    tls.rendezvous = 4;
    const ProbeRunResult run = run_probes(requests, w.plan, w.settings, options, backends);

    EXPECT_EQ(run.refused, (std::vector<std::string>{"tls:198.51.100.99:443"}));
    const auto allowed = plan_addresses(w.plan);
    ASSERT_EQ(tls.probed.size(), 7u) << "8 plan endpoints, one of them closed";
    for (const auto& p : tls.probed) {
        EXPECT_TRUE(allowed.count(p.address)) << p.address;
        EXPECT_FALSE(p.address == "203.0.113.12" && p.port == 5061) << "TCP said closed";
    }
    for (const auto& p : ports.probed) EXPECT_TRUE(allowed.count(p.address)) << p.address;
    EXPECT_EQ(run.observations.tls.size(), 7u);
    EXPECT_EQ(run.observations.xmpp.size(), 2u);
    // Side by side, not one after another, and never more than the bound.
    EXPECT_TRUE(tls.met) << "four handshakes were never in flight together";
    EXPECT_EQ(tls.max_in_flight, 4);
}

TEST(TlsProbeRunner, ConcurrencyOneSerialises) {
    World w = load_world(dnslb_topology());
    const probes::ProbeRequests requests = tls_requests(w);
    Ports ports;
    NoDns dns;
    NoStun stun;
    SlowTls tls;
    ProbeBackends backends{dns, ports, stun, &tls, nullptr};
    ProbeRunOptions options;
    options.concurrency = 1;
    const ProbeRunResult run = run_probes(requests, w.plan, w.settings, options, backends);
    EXPECT_EQ(tls.max_in_flight, 1);
    EXPECT_EQ(run.observations.tls.size(), 6u);
    EXPECT_TRUE(run.observations.xmpp.empty()) << "no XMPP backend: nothing observed";
}

TEST(TlsProbeRunner, ReplayOfARecordingGivesTheSameObservations) {
    World w = load_world(dnslb_topology());
    const probes::ProbeRequests requests = tls_requests(w);
    Ports ports;
    NoDns dns;
    NoStun stun;
    SlowTls tls;
    Xmpp xmpp;
    Observations sink;
    probes::RecordingTlsProber recording_tls(tls, sink);
    probes::RecordingXmppProber recording_xmpp(xmpp, sink);
    probes::RecordingPortProber recording_ports(ports, sink);
    ProbeBackends live{dns, recording_ports, stun, &recording_tls, &recording_xmpp};
    const ProbeRunResult first = run_probes(requests, w.plan, w.settings, {}, live);
    // Through JSON, as --record / --replay do.
    const Observations recorded =
        probes::observations_from_json_text(probes::observations_to_json_text(sink));
    probes::ReplayPortProber replay_ports(recorded);
    probes::ReplayTlsProber replay_tls(recorded);
    probes::ReplayXmppProber replay_xmpp(recorded);
    ProbeBackends replayed{dns, replay_ports, stun, &replay_tls, &replay_xmpp};
    const ProbeRunResult second = run_probes(requests, w.plan, w.settings, {}, replayed);
    EXPECT_EQ(second.observations.tls, first.observations.tls);
    EXPECT_EQ(second.observations.xmpp, first.observations.xmpp);
    EXPECT_TRUE(second.backend_errors.empty());
}

}  // namespace
}  // namespace edgeplan::checks::live_test
