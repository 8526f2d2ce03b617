#include "checks/probe_runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>

#include "checks/joining_thread.h"
#include "topology/ip_address.h"
#include "topology/subjects.h"

namespace edgeplan::checks {
namespace {

using probes::DnsAnswer;
using probes::DnsLookup;
using probes::DnsOutcome;
using probes::DnsQuery;
using probes::DnsType;
using probes::DnsView;

template <typename T>
void append_unique(std::vector<T>& out, const T& item) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
}

// The DNS lists grow with the partner count (one SRV per allowed domain): a linear search per
// item made collecting and round 2 quadratic (2,000 partners: about half of a check run's CPU,
// docs/performance.md). These keys hold every field the types' operator== compares.
using DnsKey = std::tuple<std::string, int, std::string>;
DnsKey key_of(const DnsQuery& query) {
    return {query.name, static_cast<int>(query.type), query.server};
}
DnsKey key_of(const DnsLookup& lookup) {
    return {lookup.name, static_cast<int>(lookup.type),
            std::to_string(static_cast<int>(lookup.view)) + (lookup.follow_srv_targets ? "f" : "")};
}

template <typename T>
void append_unique(std::vector<T>& out, std::set<DnsKey>& seen, const T& item) {
    if (seen.insert(key_of(item)).second) out.push_back(item);
}

// Runs one batch; when the backend throws (a replay without that entry), retries item by item
// so one missing observation costs only its own checks (they then report `error`).
template <typename Observation, typename Request>
std::vector<Observation> run_batch(
    const std::vector<Request>& items,
    const std::function<std::vector<Observation>(const std::vector<Request>&)>& run,
    std::vector<std::string>& errors) {
    if (items.empty()) return {};
    try {
        return run(items);
    } catch (const std::exception&) {
    }
    std::vector<Observation> out;
    for (const Request& item : items) {
        try {
            for (Observation& o : run({item})) out.push_back(std::move(o));
        } catch (const std::exception& e) {
            errors.push_back(e.what());
        }
    }
    return out;
}

// Shared by the DNS, TCP, UDP and echo lanes; reports through ProbeRunOptions::progress.
class ProgressMeter {
  public:
    ProgressMeter(const ProbeRunOptions& options, std::size_t total)
        : callback_(options.progress), chunk_(std::max<std::size_t>(1, options.progress_chunk)) {
        state_.total = total;
    }
    bool enabled() const { return static_cast<bool>(callback_); }
    std::size_t chunk() const { return chunk_; }
    void add_total(std::size_t more) {
        if (!enabled()) return;
        std::lock_guard<std::mutex> lock(mutex_);
        state_.total += more;
    }
    void starting(std::string current) {
        if (!enabled()) return;
        std::lock_guard<std::mutex> lock(mutex_);
        state_.current = std::move(current);
        callback_(state_);
    }
    void finished(std::size_t count) {
        if (!enabled()) return;
        std::lock_guard<std::mutex> lock(mutex_);
        state_.done += count;
        callback_(state_);
    }

  private:
    std::function<void(const ProbeProgress&)> callback_;
    std::size_t chunk_;
    std::mutex mutex_;
    ProbeProgress state_;
};

// run_batch in chunks when progress is wanted, naming each chunk's first target.
template <typename Observation, typename Request>
std::vector<Observation> run_metered(
    const std::vector<Request>& items,
    const std::function<std::vector<Observation>(const std::vector<Request>&)>& run,
    const std::function<std::string(const Request&)>& name, ProgressMeter& meter,
    std::vector<std::string>& errors) {
    if (!meter.enabled()) return run_batch<Observation, Request>(items, run, errors);
    std::vector<Observation> out;
    for (std::size_t first = 0; first < items.size(); first += meter.chunk()) {
        const std::size_t last = std::min(items.size(), first + meter.chunk());
        const std::vector<Request> chunk(items.begin() + first, items.begin() + last);
        meter.starting(name(chunk.front()));
        for (Observation& o : run_batch<Observation, Request>(chunk, run, errors)) {
            out.push_back(std::move(o));
        }
        meter.finished(chunk.size());
    }
    return out;
}

const std::vector<std::string>& servers_for(const ProbeSettings& settings, DnsView view) {
    return view == DnsView::internal ? settings.internal_dns_servers
                                     : settings.external_dns_servers;
}

// The first exception that escaped a lane (not a backend failure: run_batch keeps those),
// kept so the calling thread can rethrow it once every lane has joined.
class FirstFailure {
  public:
    template <typename Body>
    void run(Body&& body) noexcept {
        try {
            body();
        } catch (...) {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (!first_) first_ = std::current_exception();
        }
    }
    void rethrow() const {
        if (first_) std::rethrow_exception(first_);
    }

  private:
    std::mutex mutex_;
    std::exception_ptr first_;
};

// Runs `items` one by one on up to `limit` worker threads (each probe's own chain - connect,
// handshake, SIP OPTIONS - is sequential; different endpoints never wait for each other).
// Results keep the order of `items`; a backend exception costs only its own item. Workers
// are joining threads, so a thread that fails to start still leaves the started ones joined.
template <typename Observation, typename Request, typename Run>
std::vector<Observation> run_pool(const std::vector<Request>& items, std::size_t limit, Run run,
                                  std::vector<std::string>& errors) {
    std::vector<std::vector<Observation>> slots(items.size());
    std::atomic<std::size_t> next{0};
    std::mutex error_mutex;
    FirstFailure failure;
    auto worker = [&] {
        failure.run([&] {
            for (std::size_t i = next++; i < items.size(); i = next++) {
                try {
                    slots[i] = run(std::vector<Request>{items[i]});
                } catch (const std::exception& e) {
                    const std::lock_guard<std::mutex> lock(error_mutex);
                    errors.push_back(e.what());
                }
            }
        });
    };
    const std::size_t count = std::min<std::size_t>({limit == 0 ? 1 : limit, items.size(), 256});
    {
        std::vector<JoiningThread> threads;
        threads.reserve(count);
        for (std::size_t t = 0; t < count; ++t) threads.emplace_back(worker);
    }
    failure.rethrow();
    std::vector<Observation> out;
    for (auto& slot : slots) {
        for (Observation& o : slot) out.push_back(std::move(o));
    }
    return out;
}

std::string endpoint_name(const char* transport, const std::string& address, int port) {
    return subjects::endpoint_subject(transport, address, port);
}

// --- Lanes ------------------------------------------------------------------------------------
// Each lane reads the admitted requests, writes only its own output, and reports progress
// through the shared meter.

template <typename Observation>
struct LaneOutput {
    std::vector<Observation> observations;
    std::vector<std::string> errors;
};

// Round 1 of DNS: every name the checks derived from the plan (and partner SRVs), per server.
std::vector<DnsQuery> dns_round1(const std::vector<DnsLookup>& lookups,
                                 const ProbeSettings& settings) {
    std::vector<DnsQuery> round1;
    std::set<DnsKey> seen;
    for (const DnsLookup& lookup : lookups) {
        for (const std::string& server : servers_for(settings, lookup.view)) {
            append_unique(round1, seen, DnsQuery{lookup.name, lookup.type, server});
        }
    }
    return round1;
}

// Round 2: A and AAAA of the SRV targets learned, at the server that named them.
std::vector<DnsQuery> dns_round2(const std::vector<DnsLookup>& lookups,
                                 const std::vector<DnsQuery>& round1,
                                 const std::vector<DnsAnswer>& answers) {
    std::set<DnsKey> seen_round1;
    for (const DnsQuery& query : round1) seen_round1.insert(key_of(query));
    std::vector<DnsQuery> round2;
    std::set<DnsKey> seen_round2;
    std::multimap<std::string, const DnsAnswer*> srv_answers;  // by the name asked
    for (const DnsAnswer& answer : answers) {
        if (answer.outcome == DnsOutcome::ok && answer.query.type == DnsType::SRV) {
            srv_answers.emplace(answer.query.name, &answer);
        }
    }
    for (const DnsLookup& lookup : lookups) {
        if (!lookup.follow_srv_targets || lookup.type != DnsType::SRV) continue;
        const auto [first, last] = srv_answers.equal_range(lookup.name);
        for (auto it = first; it != last; ++it) {
            const DnsAnswer& answer = *it->second;
            for (const probes::SrvRecord& srv : answer.srv) {
                if (srv.target.empty() || srv.target == ".") continue;  // "no service"
                for (DnsType type : {DnsType::A, DnsType::AAAA}) {
                    const DnsQuery query{srv.target, type, answer.query.server};
                    if (seen_round1.count(key_of(query)) == 0) {
                        append_unique(round2, seen_round2, query);
                    }
                }
            }
        }
    }
    return round2;
}

LaneOutput<DnsAnswer> dns_lane(const std::vector<DnsLookup>& lookups,
                               const std::vector<DnsQuery>& round1, probes::Resolver& resolver,
                               ProgressMeter& meter) {
    LaneOutput<DnsAnswer> out;
    auto resolve = [&](const std::vector<DnsQuery>& queries) {
        return run_metered<DnsAnswer, DnsQuery>(
            queries, [&](const auto& batch) { return resolver.resolve(batch); },
            [](const DnsQuery& q) { return subjects::dns_subject(q.name, to_string(q.type)); },
            meter, out.errors);
    };
    out.observations = resolve(round1);
    const std::vector<DnsQuery> round2 = dns_round2(lookups, round1, out.observations);
    // The DNS total grows by round 2 once round 1 has named the SRV targets.
    meter.add_total(round2.size());
    std::vector<DnsAnswer> second = resolve(round2);
    out.observations.insert(out.observations.end(), second.begin(), second.end());
    return out;
}

LaneOutput<probes::TcpObservation> tcp_sweep_lane(const std::vector<probes::TcpProbe>& sweep,
                                                  probes::PortProber& ports, ProgressMeter& meter) {
    LaneOutput<probes::TcpObservation> out;
    out.observations = run_metered<probes::TcpObservation, probes::TcpProbe>(
        sweep, [&](const auto& batch) { return ports.probe(batch); },
        [](const probes::TcpProbe& p) { return endpoint_name("tcp", p.address, p.port); }, meter,
        out.errors);
    return out;
}

LaneOutput<probes::StunObservation> stun_lane(const std::vector<probes::UdpStunProbe>& stun,
                                              probes::StunProber& prober, ProgressMeter& meter) {
    LaneOutput<probes::StunObservation> out;
    out.observations = run_metered<probes::StunObservation, probes::UdpStunProbe>(
        stun, [&](const auto& batch) { return prober.probe(batch); },
        [](const probes::UdpStunProbe& p) { return endpoint_name("udp", p.address, p.port); },
        meter, out.errors);
    return out;
}

LaneOutput<probes::EchoResult> echo_lane(const std::vector<probes::EchoTarget>& echo,
                                         probes::TokenEchoProber* prober, ProgressMeter& meter) {
    LaneOutput<probes::EchoResult> out;
    out.observations = run_metered<probes::EchoResult, probes::EchoTarget>(
        echo,
        [&](const auto& batch) {
            if (prober) return prober->probe(batch);
            std::vector<probes::EchoResult> none;
            for (const probes::EchoTarget& t : batch) {
                none.push_back({t, probes::EchoStatus::error, "no token-echo prober", "", 0});
            }
            return none;
        },
        [](const probes::EchoTarget& t) {
            return endpoint_name(topology::to_string(t.transport), t.address, t.port);
        },
        meter, out.errors);
    return out;
}

// The TCP probes of TLS / XMPP endpoints belong to the chain lane, which needs their answer
// first; the rest of the TCP sweep does not wait for any handshake.
struct TcpSplit {
    std::vector<probes::TcpProbe> sweep;
    std::vector<probes::TcpProbe> chain;
};

TcpSplit split_tcp(const probes::ProbeRequests& admitted, const std::string& source_option) {
    std::set<std::pair<std::string, std::uint16_t>> chained;
    for (const auto& t : admitted.tls) chained.emplace(t.address, t.port);
    for (const auto& x : admitted.xmpp) chained.emplace(x.address, x.port);
    TcpSplit split;
    std::set<std::pair<std::string, std::uint16_t>> in_chain;
    for (const probes::TcpProbe& probe : admitted.tcp) {
        if (chained.count({probe.address, probe.port}) != 0) {
            split.chain.push_back(probe);
            in_chain.emplace(probe.address, probe.port);
        } else {
            split.sweep.push_back(probe);
        }
    }
    // A TLS / XMPP endpoint whose check asked no TCP probe still gets one before its handshake.
    auto add_chain_tcp = [&](const std::string& address, std::uint16_t port) {
        if (!in_chain.emplace(address, port).second) return;
        probes::TcpProbe probe{address, port, std::nullopt};
        const std::string source = source_address_for(address, source_option);
        if (!source.empty()) probe.source_address = source;
        split.chain.push_back(probe);
    };
    for (const auto& t : admitted.tls) add_chain_tcp(t.address, t.port);
    for (const auto& x : admitted.xmpp) add_chain_tcp(x.address, x.port);
    return split;
}

struct ChainOutput {
    std::vector<probes::TcpObservation> tcp;
    std::vector<probes::TlsObservation> tls;
    std::vector<probes::XmppObservation> xmpp;
    std::vector<std::string> errors;
};

// TCP connect of every TLS / XMPP endpoint, then the handshakes of the open ones.
ChainOutput chain_lane(const std::vector<probes::TcpProbe>& chain_tcp,
                       const probes::ProbeRequests& admitted, ProbeBackends& backends,
                       std::size_t concurrency) {
    ChainOutput out;
    out.tcp = run_batch<probes::TcpObservation, probes::TcpProbe>(
        chain_tcp, [&](const auto& batch) { return backends.ports.probe(batch); }, out.errors);
    std::set<std::pair<std::string, std::uint16_t>> open;
    for (const probes::TcpObservation& o : out.tcp) {
        if (o.outcome == probes::TcpOutcome::open) open.emplace(o.probe.address, o.probe.port);
    }
    std::vector<probes::TlsProbe> tls_open;
    for (const auto& t : admitted.tls) {
        if (open.count({t.address, t.port}) != 0) tls_open.push_back(t);
    }
    std::vector<probes::XmppProbe> xmpp_open;
    for (const auto& x : admitted.xmpp) {
        if (open.count({x.address, x.port}) != 0) xmpp_open.push_back(x);
    }
    // TLS and XMPP endpoints share one bound: run both pools side by side, halves each.
    const std::size_t limit = std::max<std::size_t>(1, concurrency);
    std::vector<std::string> xmpp_errors;
    FirstFailure failure;
    {
        JoiningThread xmpp_thread([&] {
            failure.run([&] {
                if (!backends.xmpp || xmpp_open.empty()) return;
                out.xmpp = run_pool<probes::XmppObservation>(
                    xmpp_open, std::max<std::size_t>(1, limit / 2),
                    [&](const auto& one) { return backends.xmpp->probe(one); }, xmpp_errors);
            });
        });
        failure.run([&] {
            if (!backends.tls || tls_open.empty()) return;
            out.tls = run_pool<probes::TlsObservation>(
                tls_open, xmpp_open.empty() ? limit : std::max<std::size_t>(1, limit - limit / 2),
                [&](const auto& one) { return backends.tls->probe(one); }, out.errors);
        });
    }
    failure.rethrow();
    out.errors.insert(out.errors.end(), xmpp_errors.begin(), xmpp_errors.end());
    return out;
}

std::set<std::string> allowed_targets(const topology::Plan& plan, const ProbeSettings& settings,
                                      const ProbeRunOptions& options) {
    std::set<std::string> allowed = plan_addresses(plan);
    std::vector<std::string> extra = options.extra_targets;
    if (!settings.responder.empty()) extra.push_back(settings.responder);
    for (const std::string& text : extra) {
        const std::string ip = topology::canonical_ip(text);
        if (!ip.empty()) allowed.insert(ip);
    }
    return allowed;
}

}  // namespace

probes::ProbeRequests collect_requests(const std::vector<const Check*>& checks,
                                       const CheckContext& context, const Selection& selection) {
    probes::ProbeRequests all;
    std::set<DnsKey> seen_dns;
    for (const Check* check : checks) {
        if (!selection.selects(check->info())) continue;
        probes::ProbeRequests mine;
        try {
            check->request(context, mine);
        } catch (const std::exception&) {
            continue;  // evaluate() runs again under the runner and reports the error
        }
        for (const DnsLookup& lookup : mine.dns) append_unique(all.dns, seen_dns, lookup);
        for (const probes::TcpProbe& probe : mine.tcp) append_unique(all.tcp, probe);
        for (const probes::UdpStunProbe& probe : mine.stun) append_unique(all.stun, probe);
        for (const probes::TlsProbe& probe : mine.tls) append_unique(all.tls, probe);
        for (const probes::XmppProbe& probe : mine.xmpp) append_unique(all.xmpp, probe);
        for (const probes::EchoTarget& t : mine.token_echo) append_unique(all.token_echo, t);
    }
    return all;
}

ProbeRunResult run_probes(const probes::ProbeRequests& requests, const topology::Plan& plan,
                          const ProbeSettings& settings, const ProbeRunOptions& options,
                          ProbeBackends& backends) {
    // Only plan addresses become targets; everything else is refused and reported.
    const Admission admission =
        admit_requests(requests, allowed_targets(plan, settings, options), options.source_address);
    const probes::ProbeRequests& admitted = admission.admitted;
    const TcpSplit tcp = split_tcp(admitted, options.source_address);
    const std::vector<DnsQuery> round1 = dns_round1(admitted.dns, settings);
    ProgressMeter meter(options, tcp.sweep.size() + admitted.stun.size() + round1.size() +
                                     admitted.token_echo.size());

    LaneOutput<DnsAnswer> dns;
    LaneOutput<probes::TcpObservation> sweep;
    LaneOutput<probes::StunObservation> stun;
    LaneOutput<probes::EchoResult> echo;
    ChainOutput chain;
    FirstFailure failure;
    {
        // TCP, UDP, the TLS / XMPP chain and echo need no DNS result: they start now, beside
        // the DNS rounds on this thread. Each lane writes only its own output.
        JoiningThread sweep_thread([&] {
            failure.run([&] { sweep = tcp_sweep_lane(tcp.sweep, backends.ports, meter); });
        });
        JoiningThread chain_thread([&] {
            failure.run(
                [&] { chain = chain_lane(tcp.chain, admitted, backends, options.concurrency); });
        });
        JoiningThread stun_thread(
            [&] { failure.run([&] { stun = stun_lane(admitted.stun, backends.stun, meter); }); });
        JoiningThread echo_thread([&] {
            failure.run([&] { echo = echo_lane(admitted.token_echo, backends.token_echo, meter); });
        });
        failure.run([&] { dns = dns_lane(admitted.dns, round1, backends.resolver, meter); });
    }  // every lane joins here, whatever threw
    failure.rethrow();

    ProbeRunResult result;
    result.refused = admission.refused;
    result.observations.dns = std::move(dns.observations);
    result.observations.tcp = std::move(sweep.observations);
    result.observations.tcp.insert(result.observations.tcp.end(), chain.tcp.begin(),
                                   chain.tcp.end());
    result.observations.stun = std::move(stun.observations);
    result.observations.tls = std::move(chain.tls);
    result.observations.xmpp = std::move(chain.xmpp);
    result.observations.token_echo = std::move(echo.observations);
    for (const auto* errors :
         {&dns.errors, &sweep.errors, &stun.errors, &chain.errors, &echo.errors}) {
        result.backend_errors.insert(result.backend_errors.end(), errors->begin(), errors->end());
    }
    return result;
}

}  // namespace edgeplan::checks
