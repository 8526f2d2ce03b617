#include "checks/probe_runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>

#include "topology/ip_address.h"

namespace edgeplan::checks {
namespace {

using topology::canonical_ip;

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

void add_address(std::set<std::string>& out, const std::string& text) {
    const std::string ip = canonical_ip(text);
    if (!ip.empty()) out.insert(ip);
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

// Shared by the DNS, TCP and UDP threads; reports through ProbeRunOptions::progress.
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

std::string endpoint_text(const std::string& address, int port) {
    const bool v6 = address.find(':') != std::string::npos;
    return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

// Runs `items` one by one on up to `limit` worker threads (each probe's own chain - connect,
// handshake, SIP OPTIONS - is sequential; different endpoints never wait for each other).
// Results keep the order of `items`; a backend exception costs only its own item.
template <typename Observation, typename Request, typename Run>
std::vector<Observation> run_pool(const std::vector<Request>& items, std::size_t limit, Run run,
                                  std::vector<std::string>& errors) {
    std::vector<std::vector<Observation>> slots(items.size());
    std::atomic<std::size_t> next{0};
    std::mutex error_mutex;
    auto worker = [&] {
        for (std::size_t i = next++; i < items.size(); i = next++) {
            try {
                slots[i] = run(std::vector<Request>{items[i]});
            } catch (const std::exception& e) {
                const std::lock_guard<std::mutex> lock(error_mutex);
                errors.push_back(e.what());
            }
        }
    };
    const std::size_t count = std::min<std::size_t>({limit == 0 ? 1 : limit, items.size(), 256});
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < count; ++t) threads.emplace_back(worker);
    for (std::thread& thread : threads) thread.join();
    std::vector<Observation> out;
    for (auto& slot : slots) {
        for (Observation& o : slot) out.push_back(std::move(o));
    }
    return out;
}

}  // namespace

std::set<std::string> plan_addresses(const topology::Plan& plan) {
    std::set<std::string> out;
    for (const topology::DnsRecord& record : plan.dns) {
        if (record.type == topology::DnsRecordType::a ||
            record.type == topology::DnsRecordType::aaaa) {
            add_address(out, record.value);
        }
    }
    for (const topology::FirewallRule& rule : plan.firewall) {
        for (const std::string& a : rule.probe_addresses) add_address(out, a);
        for (const std::string& a : rule.source.addresses) add_address(out, a);
        for (const std::string& a : rule.destination.addresses) add_address(out, a);
    }
    return out;
}

std::string source_address_for(const std::string& target, const std::string& option) {
    const bool target_v6 = target.find(':') != std::string::npos;
    if (!option.empty()) {
        const bool option_v6 = option.find(':') != std::string::npos;
        return option_v6 == target_v6 ? option : std::string{};
    }
    // Loopback pitfall: the ephemeral port range overlaps the media range, so a probe from
    // 127.0.0.1 to 127.0.0.1 can connect to itself; bind to a different loopback address.
    if (!target_v6 && target.rfind("127.", 0) == 0) {
        return target == "127.0.0.1" ? "127.0.0.2" : "127.0.0.1";
    }
    return {};
}

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
    ProbeRunResult result;
    std::set<std::string> allowed = plan_addresses(plan);
    for (const std::string& extra : options.extra_targets) add_address(allowed, extra);
    if (!settings.responder.empty()) add_address(allowed, settings.responder);

    // Only plan addresses become targets; everything else is refused and reported.
    std::vector<probes::TcpProbe> tcp;
    for (probes::TcpProbe probe : requests.tcp) {
        const std::string ip = canonical_ip(probe.address);
        if (ip.empty() || allowed.count(ip) == 0) {
            result.refused.push_back("tcp:" + endpoint_text(probe.address, probe.port));
            continue;
        }
        probe.address = ip;
        const std::string source = source_address_for(ip, options.source_address);
        if (!source.empty()) probe.source_address = source;
        append_unique(tcp, probe);
    }
    std::vector<probes::UdpStunProbe> stun;
    for (probes::UdpStunProbe probe : requests.stun) {
        const std::string ip = canonical_ip(probe.address);
        if (ip.empty() || allowed.count(ip) == 0) {
            result.refused.push_back("udp:" + endpoint_text(probe.address, probe.port));
            continue;
        }
        probe.address = ip;
        append_unique(stun, probe);
    }

    // TLS and XMPP endpoints: plan addresses only, like every other target.
    std::vector<probes::TlsProbe> tls;
    for (probes::TlsProbe probe : requests.tls) {
        const std::string ip = canonical_ip(probe.address);
        if (ip.empty() || allowed.count(ip) == 0) {
            result.refused.push_back("tls:" + endpoint_text(probe.address, probe.port));
            continue;
        }
        probe.address = ip;
        append_unique(tls, probe);
    }
    std::vector<probes::XmppProbe> xmpp;
    for (probes::XmppProbe probe : requests.xmpp) {
        const std::string ip = canonical_ip(probe.address);
        if (ip.empty() || allowed.count(ip) == 0) {
            result.refused.push_back("xmpp:" + endpoint_text(probe.address, probe.port));
            continue;
        }
        probe.address = ip;
        append_unique(xmpp, probe);
    }
    // The TCP probes of TLS / XMPP endpoints move to the chain thread, which needs their
    // answer first; the rest of the TCP sweep does not wait for any handshake.
    auto chained = [&](const probes::TcpProbe& probe) {
        return std::any_of(tls.begin(), tls.end(),
                           [&](const auto& t) {
                               return t.address == probe.address && t.port == probe.port;
                           }) ||
               std::any_of(xmpp.begin(), xmpp.end(), [&](const auto& x) {
                   return x.address == probe.address && x.port == probe.port;
               });
    };
    std::vector<probes::TcpProbe> chain_tcp;
    std::vector<probes::TcpProbe> sweep_tcp;
    for (const probes::TcpProbe& probe : tcp) {
        (chained(probe) ? chain_tcp : sweep_tcp).push_back(probe);
    }
    auto add_chain_tcp = [&](const std::string& address, std::uint16_t port) {
        const bool known = std::any_of(chain_tcp.begin(), chain_tcp.end(), [&](const auto& p) {
            return p.address == address && p.port == port;
        });
        if (known) return;
        probes::TcpProbe probe{address, port, std::nullopt};
        const std::string source = source_address_for(address, options.source_address);
        if (!source.empty()) probe.source_address = source;
        chain_tcp.push_back(probe);
    };
    for (const auto& t : tls) add_chain_tcp(t.address, t.port);
    for (const auto& x : xmpp) add_chain_tcp(x.address, x.port);
    // Token echo (--from edge): only toward the responder or plan addresses, like the rest.
    std::vector<probes::EchoTarget> echo;
    for (probes::EchoTarget target : requests.token_echo) {
        const std::string ip = canonical_ip(target.address);
        if (ip.empty() || allowed.count(ip) == 0) {
            result.refused.push_back("echo:" + endpoint_text(target.address, target.port));
            continue;
        }
        target.address = ip;
        append_unique(echo, target);
    }

    // TCP and UDP need no DNS result: start them now, beside the DNS rounds. Each thread
    // writes only its own vectors; they are merged after join.
    std::vector<std::string> tcp_errors;
    std::vector<std::string> stun_errors;
    // The DNS total grows by round 2 once round 1 has named the SRV targets.
    // Round 1 of DNS: every name the checks derived from the plan (and partner SRVs), per server.
    std::vector<DnsQuery> round1;
    std::set<DnsKey> seen_round1;
    for (const DnsLookup& lookup : requests.dns) {
        for (const std::string& server : servers_for(settings, lookup.view)) {
            append_unique(round1, seen_round1, DnsQuery{lookup.name, lookup.type, server});
        }
    }
    ProgressMeter meter(options, sweep_tcp.size() + stun.size() + round1.size() + echo.size());
    std::vector<std::string> chain_errors;
    std::vector<probes::TcpObservation> chain_tcp_seen;
    std::thread tcp_thread([&] {
        result.observations.tcp = run_metered<probes::TcpObservation, probes::TcpProbe>(
            sweep_tcp, [&](const auto& batch) { return backends.ports.probe(batch); },
            [](const probes::TcpProbe& p) { return "tcp:" + endpoint_text(p.address, p.port); },
            meter, tcp_errors);
    });
    std::thread chain_thread([&] {
        chain_tcp_seen = run_batch<probes::TcpObservation, probes::TcpProbe>(
            chain_tcp, [&](const auto& batch) { return backends.ports.probe(batch); },
            chain_errors);
        auto open = [&](const std::string& address, std::uint16_t port) {
            return std::any_of(chain_tcp_seen.begin(), chain_tcp_seen.end(), [&](const auto& o) {
                return o.probe.address == address && o.probe.port == port &&
                       o.outcome == probes::TcpOutcome::open;
            });
        };
        std::vector<probes::TlsProbe> tls_open;
        for (const auto& t : tls) {
            if (open(t.address, t.port)) tls_open.push_back(t);
        }
        std::vector<probes::XmppProbe> xmpp_open;
        for (const auto& x : xmpp) {
            if (open(x.address, x.port)) xmpp_open.push_back(x);
        }
        // TLS and XMPP endpoints share one bound: run both pools side by side, halves each.
        const std::size_t limit = std::max<std::size_t>(1, options.concurrency);
        std::vector<std::string> xmpp_errors;
        std::thread xmpp_thread([&] {
            if (!backends.xmpp || xmpp_open.empty()) return;
            result.observations.xmpp = run_pool<probes::XmppObservation>(
                xmpp_open, std::max<std::size_t>(1, limit / 2),
                [&](const auto& one) { return backends.xmpp->probe(one); }, xmpp_errors);
        });
        if (backends.tls && !tls_open.empty()) {
            result.observations.tls = run_pool<probes::TlsObservation>(
                tls_open, xmpp_open.empty() ? limit : std::max<std::size_t>(1, limit - limit / 2),
                [&](const auto& one) { return backends.tls->probe(one); }, chain_errors);
        }
        xmpp_thread.join();
        chain_errors.insert(chain_errors.end(), xmpp_errors.begin(), xmpp_errors.end());
    });
    std::thread stun_thread([&] {
        result.observations.stun = run_metered<probes::StunObservation, probes::UdpStunProbe>(
            stun, [&](const auto& batch) { return backends.stun.probe(batch); },
            [](const probes::UdpStunProbe& p) { return "udp:" + endpoint_text(p.address, p.port); },
            meter, stun_errors);
    });

    std::vector<std::string> echo_errors;
    std::thread echo_thread([&] {
        result.observations.token_echo = run_metered<probes::EchoResult, probes::EchoTarget>(
            echo,
            [&](const auto& batch) {
                if (backends.token_echo) return backends.token_echo->probe(batch);
                std::vector<probes::EchoResult> none;
                for (const probes::EchoTarget& t : batch) {
                    none.push_back({t, probes::EchoStatus::error, "no token-echo prober", "", 0});
                }
                return none;
            },
            [](const probes::EchoTarget& t) {
                return std::string(topology::to_string(t.transport)) + ":" +
                       endpoint_text(t.address, t.port);
            },
            meter, echo_errors);
    });

    std::vector<std::string> dns_errors;
    auto resolve = [&](const std::vector<DnsQuery>& queries) {
        return run_metered<DnsAnswer, DnsQuery>(
            queries, [&](const auto& batch) { return backends.resolver.resolve(batch); },
            [](const DnsQuery& q) { return "dns:" + q.name + "/" + to_string(q.type); }, meter,
            dns_errors);
    };
    try {
        std::vector<DnsAnswer> answers = resolve(round1);

        // Round 2: A and AAAA of the SRV targets learned, at the server that named them.
        std::vector<DnsQuery> round2;
        std::set<DnsKey> seen_round2;
        std::multimap<std::string, const DnsAnswer*> srv_answers;  // by the name asked
        for (const DnsAnswer& answer : answers) {
            if (answer.outcome == DnsOutcome::ok && answer.query.type == DnsType::SRV) {
                srv_answers.emplace(answer.query.name, &answer);
            }
        }
        for (const DnsLookup& lookup : requests.dns) {
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
        meter.add_total(round2.size());
        std::vector<DnsAnswer> second = resolve(round2);
        answers.insert(answers.end(), second.begin(), second.end());
        result.observations.dns = std::move(answers);
    } catch (const std::exception& e) {
        dns_errors.push_back(e.what());
    }
    tcp_thread.join();
    stun_thread.join();
    chain_thread.join();
    echo_thread.join();
    result.observations.tcp.insert(result.observations.tcp.end(), chain_tcp_seen.begin(),
                                   chain_tcp_seen.end());
    for (auto* errors : {&dns_errors, &tcp_errors, &stun_errors, &chain_errors, &echo_errors}) {
        result.backend_errors.insert(result.backend_errors.end(), errors->begin(), errors->end());
    }
    return result;
}

}  // namespace edgeplan::checks
