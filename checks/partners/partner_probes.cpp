#include "checks/partners/partner_probes.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include "checks/partners/partner_targets.h"

namespace edgeplan::checks::partners {
namespace {

using probes::DnsQuery;
using probes::DnsType;

// Runs `probe` over `items` on up to `threads` workers, one item per call; results in order.
// A backend exception (a replay without the observation) is collected and ends that item only.
template <typename Result, typename Item, typename Probe>
std::vector<Result> run_sessions(const std::vector<Item>& items, std::size_t threads, Probe probe,
                                 std::vector<std::string>& errors, const std::string& phase,
                                 const PartnerProbeOptions& options) {
    std::vector<std::optional<Result>> slots(items.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex mutex;
    auto worker = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= items.size()) return;
            try {
                std::vector<Result> one = probe(std::vector<Item>{items[i]});
                if (!one.empty()) slots[i] = std::move(one.front());
            } catch (const std::exception& e) {
                const std::lock_guard<std::mutex> lock(mutex);
                errors.push_back(phase + ": " + e.what());
            }
            const std::size_t finished = done.fetch_add(1) + 1;
            if (options.progress) {
                const std::lock_guard<std::mutex> lock(mutex);
                options.progress(phase, finished, items.size());
            }
        }
    };
    const std::size_t count = std::max<std::size_t>(1, std::min(threads, items.size()));
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < count; ++t) pool.emplace_back(worker);
    for (std::thread& thread : pool) thread.join();
    std::vector<Result> out;
    for (auto& slot : slots) {
        if (slot) out.push_back(std::move(*slot));
    }
    return out;
}

struct TlsProbeOrder {
    bool operator()(const probes::TlsProbe& a, const probes::TlsProbe& b) const {
        return std::tie(a.address, a.port, a.sni) < std::tie(b.address, b.port, b.sni);
    }
};

// The TLS prober puts a whole batch in flight itself (make_epoll_tls_prober): one call for all.
// When that call throws (a replay without one of the observations), each probe is asked alone
// so the error ends that probe only, as for XMPP.
std::vector<probes::TlsObservation> probe_tls(const std::vector<probes::TlsProbe>& probes,
                                              std::size_t threads, probes::TlsProber& prober,
                                              std::vector<std::string>& errors,
                                              const PartnerProbeOptions& options) {
    if (options.progress) options.progress("tls", 0, probes.size());
    try {
        std::vector<probes::TlsObservation> all = prober.probe(probes);
        if (options.progress) options.progress("tls", probes.size(), probes.size());
        return all;
    } catch (const std::exception&) {
        return run_sessions<probes::TlsObservation>(
            probes, threads, [&](const auto& one) { return prober.probe(one); }, errors, "tls",
            options);
    }
}

void resolve_into(probes::Observations& out, std::vector<DnsQuery> queries,
                  probes::Resolver& resolver, std::vector<std::string>& errors) {
    if (queries.empty()) return;
    try {
        std::vector<probes::DnsAnswer> answers = resolver.resolve(queries);
        for (auto& answer : answers) out.dns.push_back(std::move(answer));
    } catch (const std::exception& e) {
        errors.push_back(std::string("DNS: ") + e.what());
    }
}

}  // namespace

std::string discovery_name(const PartnerEntry& partner) {
    if (partner.protocol == PartnerProtocol::xmpp) return "_xmpp-server._tcp." + partner.domain;
    if (!partner.proxy_fqdn.empty()) return partner.proxy_fqdn;
    return "_sipfederationtls._tcp." + partner.domain;
}

probes::Observations probe_partners(const PartnerList& list, const PartnerProbeOptions& options,
                                    PartnerProbeBackends& backends,
                                    std::vector<std::string>& errors) {
    probes::Observations out;
    const std::string& server = options.dns_server;

    // Phase 1: discovery. SRV for SIP and XMPP partners, A/AAAA of a configured ProxyFqdn.
    std::vector<DnsQuery> queries;
    std::set<std::pair<std::string, DnsType>> asked;
    auto ask = [&](const std::string& name, DnsType type) {
        if (asked.insert({name, type}).second) queries.push_back({name, type, server});
    };
    for (const PartnerEntry& p : list.partners) {
        if (p.protocol == PartnerProtocol::sip && !p.proxy_fqdn.empty()) {
            ask(p.proxy_fqdn, DnsType::A);
            ask(p.proxy_fqdn, DnsType::AAAA);
        } else {
            ask(discovery_name(p), DnsType::SRV);
        }
    }
    if (options.progress) options.progress("dns", 0, queries.size());
    resolve_into(out, std::move(queries), backends.resolver, errors);

    // Phase 2: A and AAAA of every target the SRV answers name (and of XMPP domains without SRV).
    queries.clear();
    {
        const ObservationIndex index(out);
        for (const PartnerEntry& p : list.partners) {
            for (const PartnerTarget& t : discover(p, index).targets) {
                ask(t.fqdn, DnsType::A);
                ask(t.fqdn, DnsType::AAAA);
            }
        }
    }
    resolve_into(out, std::move(queries), backends.resolver, errors);

    // Phase 3: TCP to every address of every target, all in flight together.
    std::vector<probes::TcpProbe> tcp;
    std::set<std::pair<std::string, std::uint16_t>> endpoints;
    {
        const ObservationIndex index(out);
        for (const PartnerEntry& p : list.partners) {
            for (const PartnerTarget& t : discover(p, index).targets) {
                for (const std::string& address : addresses_of(t.fqdn, index).addresses) {
                    if (!endpoints.insert({address, t.port}).second) continue;
                    probes::TcpProbe probe{address, t.port, std::nullopt};
                    if (!options.source_address.empty())
                        probe.source_address = options.source_address;
                    tcp.push_back(probe);
                }
            }
        }
    }
    // With overlap_tls_with_tcp, the SIP handshakes start now, beside the TCP sweep: the sweep
    // spends most of its time waiting for silent ports, the handshakes need the CPU. Phase 4 then
    // keeps the handshakes of the endpoints the sweep found open and drops the others, so the
    // observations are those of the sequential order.
    const std::size_t threads = std::min(options.concurrency, kMaxSessionThreads);
    std::vector<probes::TlsProbe> early_probes;
    std::vector<probes::TlsObservation> early;
    std::vector<std::string> early_errors;
    std::thread overlap;
    if (options.overlap_tls_with_tcp) {
        const ObservationIndex index(out);
        std::set<std::tuple<std::string, std::uint16_t, std::string>> sessions;
        for (const PartnerEntry& p : list.partners) {
            if (p.protocol != PartnerProtocol::sip) continue;
            for (const PartnerTarget& t : discover(p, index).targets) {
                for (const std::string& address : addresses_of(t.fqdn, index).addresses) {
                    if (sessions.insert({address, t.port, t.fqdn}).second) {
                        early_probes.push_back({address, t.port, t.fqdn, false, false});
                    }
                }
            }
        }
        if (!early_probes.empty()) {
            // No progress callback from this thread: the progress line is the sweep's.
            PartnerProbeOptions quiet = options;
            quiet.progress = nullptr;
            overlap = std::thread([&, quiet] {
                early = probe_tls(early_probes, threads, backends.tls, early_errors, quiet);
            });
        }
    }
    if (options.progress) options.progress("tcp", 0, tcp.size());
    if (!tcp.empty()) {
        try {
            out.tcp = backends.ports.probe(tcp);
        } catch (const std::exception& e) {
            errors.push_back(std::string("TCP: ") + e.what());
        }
    }
    if (overlap.joinable()) overlap.join();
    errors.insert(errors.end(), early_errors.begin(), early_errors.end());

    // Phase 4: TLS with SNI (SIP) and STARTTLS (XMPP) on every open endpoint.
    std::vector<probes::TlsProbe> tls;
    std::vector<probes::XmppProbe> xmpp;
    std::set<probes::TlsProbe, TlsProbeOrder> started;  // SIP handshakes begun in phase 3
    {
        const ObservationIndex index(out);
        std::set<std::tuple<std::string, std::uint16_t, std::string>> sessions;
        for (const PartnerEntry& p : list.partners) {
            for (const PartnerTarget& t : discover(p, index).targets) {
                for (const std::string& address : addresses_of(t.fqdn, index).addresses) {
                    const probes::TcpObservation* open = index.tcp(address, t.port);
                    if (!open || open->outcome != probes::TcpOutcome::open) continue;
                    if (p.protocol == PartnerProtocol::sip) {
                        if (sessions.insert({address, t.port, t.fqdn}).second) {
                            tls.push_back({address, t.port, t.fqdn, false, false});
                            if (options.overlap_tls_with_tcp) started.insert(tls.back());
                        }
                    } else if (sessions.insert({address, t.port, "xmpp:" + p.domain}).second) {
                        xmpp.push_back({address, t.port, p.domain});
                    }
                }
            }
        }
    }
    if (options.overlap_tls_with_tcp) {
        for (probes::TlsObservation& o : early) {
            if (started.count(o.probe)) out.tls.push_back(std::move(o));
        }
    } else if (!tls.empty()) {
        out.tls = probe_tls(tls, threads, backends.tls, errors, options);
    }
    if (!xmpp.empty()) {
        out.xmpp = run_sessions<probes::XmppObservation>(
            xmpp, threads, [&](const auto& one) { return backends.xmpp.probe(one); }, errors,
            "xmpp", options);
    }

    // Phase 5: a handshake that failed before the server chose a version may mean a server
    // that speaks only TLS 1.0/1.1 (the first attempt offers 1.2 and 1.3): ask once more
    // offering only those, to tell "no TLS 1.2 or later" from other failures.
    std::vector<probes::TlsProbe> legacy;
    for (const probes::TlsObservation& o : out.tls) {
        // Not after a timeout: a silent or dripping server would cost two more timeouts.
        if (o.connected && !o.handshake_ok && o.protocol.empty() && o.peer_chain.empty() &&
            !o.client_cert_required_failure && o.error != "timed out" &&
            o.error != "handshake did not end") {
            probes::TlsProbe again = o.probe;
            again.check_legacy_tls = true;
            legacy.push_back(again);
        }
    }
    if (!legacy.empty()) {
        std::vector<probes::TlsObservation> more =
            probe_tls(legacy, threads, backends.tls, errors, options);
        for (auto& o : more) out.tls.push_back(std::move(o));
    }
    return out;
}

}  // namespace edgeplan::checks::partners
