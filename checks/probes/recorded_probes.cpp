#include "checks/probes/recorded_probes.h"

#include <algorithm>
#include <string>

namespace edgeplan::checks::probes {

namespace {

// The first recorded observation whose request equals `request` (recordings are small).
template <typename Observation, typename Request, typename RequestOf>
Observation find_recorded(const std::vector<Observation>& recorded, const Request& request,
                          RequestOf request_of, const std::string& what) {
    const auto it = std::find_if(recorded.begin(), recorded.end(), [&](const Observation& item) {
        return request_of(item) == request;
    });
    if (it == recorded.end()) throw ReplayMissing("no recorded observation for " + what);
    return *it;
}

template <typename T>
void append(std::vector<T>& sink, const std::vector<T>& items) {
    sink.insert(sink.end(), items.begin(), items.end());
}

}  // namespace

std::vector<DnsAnswer> ReplayResolver::resolve(const std::vector<DnsQuery>& queries) {
    std::vector<DnsAnswer> answers;
    for (const auto& query : queries) {
        answers.push_back(find_recorded(
            recording_.dns, query, [](const DnsAnswer& answer) { return answer.query; },
            "dns:" + query.name + "/" + to_string(query.type) + " @" + query.server));
    }
    return answers;
}

std::vector<TcpObservation> ReplayPortProber::probe(const std::vector<TcpProbe>& probes) {
    std::vector<TcpObservation> observations;
    for (const auto& probe : probes) {
        observations.push_back(find_recorded(
            recording_.tcp, probe, [](const TcpObservation& item) { return item.probe; },
            "tcp:" + probe.address + ":" + std::to_string(probe.port)));
    }
    return observations;
}

std::vector<StunObservation> ReplayStunProber::probe(const std::vector<UdpStunProbe>& probes) {
    std::vector<StunObservation> observations;
    for (const auto& probe : probes) {
        observations.push_back(find_recorded(
            recording_.stun, probe, [](const StunObservation& item) { return item.probe; },
            "udp:" + probe.address + ":" + std::to_string(probe.port)));
    }
    return observations;
}

std::vector<DnsAnswer> RecordingResolver::resolve(const std::vector<DnsQuery>& queries) {
    auto answers = live_.resolve(queries);
    append(sink_.dns, answers);
    return answers;
}

std::vector<TcpObservation> RecordingPortProber::probe(const std::vector<TcpProbe>& probes) {
    auto observations = live_.probe(probes);
    const std::lock_guard<std::mutex> lock(mutex_);
    append(sink_.tcp, observations);
    return observations;
}

std::vector<StunObservation> RecordingStunProber::probe(const std::vector<UdpStunProbe>& probes) {
    auto observations = live_.probe(probes);
    append(sink_.stun, observations);
    return observations;
}

std::vector<TlsObservation> ReplayTlsProber::probe(const std::vector<TlsProbe>& probes) {
    std::vector<TlsObservation> observations;
    for (const auto& probe : probes) {
        observations.push_back(find_recorded(
            recording_.tls, probe, [](const TlsObservation& item) { return item.probe; },
            "tls:" + probe.address + ":" + std::to_string(probe.port) + " sni " + probe.sni));
    }
    return observations;
}

std::vector<XmppObservation> ReplayXmppProber::probe(const std::vector<XmppProbe>& probes) {
    std::vector<XmppObservation> observations;
    for (const auto& probe : probes) {
        observations.push_back(find_recorded(
            recording_.xmpp, probe, [](const XmppObservation& item) { return item.probe; },
            "xmpp:" + probe.address + ":" + std::to_string(probe.port) + " to " + probe.domain));
    }
    return observations;
}

std::vector<TlsObservation> RecordingTlsProber::probe(const std::vector<TlsProbe>& probes) {
    auto observations = live_.probe(probes);
    const std::lock_guard<std::mutex> lock(mutex_);
    append(sink_.tls, observations);
    return observations;
}

std::vector<XmppObservation> RecordingXmppProber::probe(const std::vector<XmppProbe>& probes) {
    auto observations = live_.probe(probes);
    const std::lock_guard<std::mutex> lock(mutex_);
    append(sink_.xmpp, observations);
    return observations;
}

std::vector<EchoResult> ReplayTokenEchoProber::probe(const std::vector<EchoTarget>& targets) {
    std::vector<EchoResult> results;
    for (const auto& target : targets) {
        results.push_back(find_recorded(
            recording_.token_echo, target, [](const EchoResult& item) { return item.target; },
            "echo:" + std::string(topology::to_string(target.transport)) + ":" + target.address +
                ":" + std::to_string(target.port)));
    }
    return results;
}

std::vector<EchoResult> RecordingTokenEchoProber::probe(const std::vector<EchoTarget>& targets) {
    std::vector<EchoResult> results = live_.probe(targets);
    append(sink_.token_echo, results);
    return results;
}

}  // namespace edgeplan::checks::probes
