// Both requests go out from one connected UDP socket per target, so the kernel drops datagrams
// from other sources and reports ICMP port unreachable as ECONNREFUSED. Answers are accepted only
// for our transaction IDs and the method asked (RFC 5389 section 7.3).
#include "checks/probes/stun_prober.h"

#include <errno.h>
#include <sys/epoll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <string>

#include "checks/probes/socket_util.h"
#include "checks/probes/stun_message.h"

namespace edgeplan::checks::probes {

namespace {

struct Exchange {
    StunObservation observation;
    UniqueFd fd;
    stun::TransactionId binding_id{};
    stun::TransactionId allocate_id{};
    std::vector<std::uint8_t> binding_request;
    std::vector<std::uint8_t> allocate_request;
    SteadyClock::time_point started;
    SteadyClock::time_point deadline;
    SteadyClock::time_point next_send;
    int sends_left = 0;
    bool running = false;
    bool done = false;
};

class UdpStunProber final : public StunProber {
  public:
    explicit UdpStunProber(StunProberOptions options) : options_(options) {}
    std::vector<StunObservation> probe(const std::vector<UdpStunProbe>& probes) override;

  private:
    void start(Exchange& exchange, std::size_t index);
    bool send_unanswered(Exchange& exchange);
    void on_readable(Exchange& exchange);
    void finish(Exchange& exchange, std::string detail = {});

    StunProberOptions options_;
    UniqueFd epoll_;
    std::size_t running_ = 0;
};

void UdpStunProber::finish(Exchange& exchange, std::string detail) {
    if (exchange.done) return;
    auto& outcome = exchange.observation.outcome;
    outcome.silence = !outcome.binding_answered && !outcome.msturn_allocate_answered;
    exchange.observation.detail = std::move(detail);
    exchange.observation.elapsed_ms = elapsed_ms(exchange.started, SteadyClock::now());
    exchange.fd.reset();
    if (exchange.running) --running_;
    exchange.running = false;
    exchange.done = true;
}

// Sends the requests still unanswered; false once the target proved unreachable.
bool UdpStunProber::send_unanswered(Exchange& exchange) {
    auto& outcome = exchange.observation.outcome;
    const auto send = [&](const std::vector<std::uint8_t>& request) {
        if (::send(exchange.fd.get(), request.data(), request.size(), 0) >= 0) return true;
        // An ICMP port unreachable for an earlier datagram is reported (once) by this send.
        if (errno == ECONNREFUSED) {
            outcome.port_unreachable = true;
            finish(exchange, "ICMP port unreachable");
        } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            finish(exchange, "send: " + errno_text(errno));
        }
        return !exchange.done;
    };
    if (!outcome.binding_answered && !send(exchange.binding_request)) return false;
    if (!outcome.msturn_allocate_answered && !send(exchange.allocate_request)) return false;
    return true;
}

void UdpStunProber::start(Exchange& exchange, std::size_t index) {
    exchange.started = SteadyClock::now();
    exchange.deadline = exchange.started + options_.timeout;
    const auto& probe = exchange.observation.probe;
    const auto target = make_socket_address(probe.address, probe.port);
    if (!target || probe.port == 0) return finish(exchange, "not an IP address and port");
    exchange.fd.reset(::socket(target->family(), SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!exchange.fd) return finish(exchange, "socket: " + errno_text(errno));
    exchange.running = true;
    ++running_;
    if (::connect(exchange.fd.get(), target->get(), target->length) != 0) {
        return finish(exchange, "connect: " + errno_text(errno));
    }
    exchange.binding_id = stun::random_transaction_id();
    exchange.allocate_id = stun::random_transaction_id();
    exchange.binding_request = stun::build_binding_request(exchange.binding_id);
    exchange.allocate_request = stun::build_msturn_allocate_request(exchange.allocate_id);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = index;
    if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, exchange.fd.get(), &event) != 0) {
        return finish(exchange, "epoll_ctl: " + errno_text(errno));
    }
    if (!send_unanswered(exchange)) return;
    exchange.sends_left = std::max(0, options_.retransmits);
    exchange.next_send = exchange.started + options_.timeout / (exchange.sends_left + 1);
}

void UdpStunProber::on_readable(Exchange& exchange) {
    auto& outcome = exchange.observation.outcome;
    std::array<std::uint8_t, 2048> buffer{};
    // Bounded per wake-up so one noisy peer cannot starve the rest.
    for (int datagram = 0; datagram < 16 && !exchange.done; ++datagram) {
        const ssize_t received = ::recv(exchange.fd.get(), buffer.data(), buffer.size(), 0);
        if (received < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
            if (errno == ECONNREFUSED) {
                outcome.port_unreachable = true;
                return finish(exchange, "ICMP port unreachable");
            }
            return finish(exchange, "recv: " + errno_text(errno));
        }
        const auto parsed = stun::parse_response(buffer.data(), static_cast<std::size_t>(received),
                                                 {exchange.binding_id, exchange.allocate_id});
        if (parsed.status == stun::ParseStatus::wrong_transaction) continue;
        const bool binding = parsed.transaction_id == exchange.binding_id;
        const std::uint16_t method = binding ? stun::kMethodBinding : stun::kMethodAllocate;
        if (parsed.status == stun::ParseStatus::malformed || parsed.response.method != method) {
            ++outcome.malformed_responses;
            continue;
        }
        if (binding) {
            outcome.binding_answered = true;
            if (!parsed.response.is_error) outcome.mapped_address = parsed.response.mapped_address;
        } else {
            outcome.msturn_allocate_answered = true;
            outcome.error_code = parsed.response.error_code;
        }
        if (outcome.binding_answered && outcome.msturn_allocate_answered) return finish(exchange);
    }
}

std::vector<StunObservation> UdpStunProber::probe(const std::vector<UdpStunProbe>& probes) {
    std::vector<Exchange> exchanges(probes.size());
    for (std::size_t i = 0; i < probes.size(); ++i) exchanges[i].observation.probe = probes[i];
    epoll_.reset(::epoll_create1(EPOLL_CLOEXEC));
    running_ = 0;
    if (!epoll_) {
        const std::string why = "epoll_create1: " + errno_text(errno);
        for (auto& exchange : exchanges) finish(exchange, why);
    }
    const std::uint64_t reserve = open_file_count() + 32;
    const std::uint64_t allowed = raise_open_file_limit(reserve + probes.size());
    const std::size_t limit = std::max<std::size_t>(
        1,
        std::min<std::uint64_t>(options_.max_in_flight, allowed > reserve ? allowed - reserve : 1));
    std::size_t next = epoll_ ? 0 : exchanges.size();
    std::array<epoll_event, 64> events{};
    // Bounded: every exchange ends by its deadline; at most `limit` run at once.
    while (next < exchanges.size() || running_ > 0) {
        while (running_ < limit && next < exchanges.size()) {
            start(exchanges[next], next);
            ++next;
        }
        if (running_ == 0) continue;
        auto now = SteadyClock::now();
        auto wake = now + std::chrono::seconds(1);
        for (const auto& exchange : exchanges) {
            if (!exchange.running) continue;
            wake = std::min(wake, exchange.deadline);
            if (exchange.sends_left > 0) wake = std::min(wake, exchange.next_send);
        }
        const int ready = ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()),
                                       wait_ms_until(wake, now, 1000));
        for (int i = 0; i < ready; ++i) {
            const auto index = static_cast<std::size_t>(events[i].data.u64);
            if (index < exchanges.size() && exchanges[index].running) {
                on_readable(exchanges[index]);
            }
        }
        now = SteadyClock::now();
        for (auto& exchange : exchanges) {
            if (!exchange.running) continue;
            if (now >= exchange.deadline) {
                const auto& outcome = exchange.observation.outcome;
                finish(exchange, outcome.binding_answered || outcome.msturn_allocate_answered
                                     ? ""
                                     : "no STUN answer within " +
                                           std::to_string(options_.timeout.count()) + " ms");
            } else if (exchange.sends_left > 0 && now >= exchange.next_send) {
                --exchange.sends_left;
                send_unanswered(exchange);
                exchange.next_send = now + (exchange.deadline - now) / (exchange.sends_left + 1);
            }
        }
    }
    epoll_.reset();
    std::vector<StunObservation> observations;
    observations.reserve(exchanges.size());
    for (auto& exchange : exchanges) observations.push_back(std::move(exchange.observation));
    return observations;
}

}  // namespace

std::unique_ptr<StunProber> make_stun_prober(StunProberOptions options) {
    return std::make_unique<UdpStunProber>(options);
}

}  // namespace edgeplan::checks::probes
