#include "checks/probes/token_echo_prober.h"

#include <netinet/in.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include "checks/probes/token_echo_protocol.h"
#include "checks/probes/token_echo_sockets.h"

namespace edgeplan::checks::probes {
namespace {

using SteadyClock = std::chrono::steady_clock;
using topology::Transport;

constexpr std::size_t max_answer_bytes = 256;  // a reply is ~60 bytes; more is someone else
constexpr int events_per_wait = 256;
constexpr auto pacing_tick = std::chrono::milliseconds(10);

enum class Phase { connecting, awaiting_answer };

struct Probe {
    std::size_t target = 0;
    Descriptor socket;
    Phase phase = Phase::connecting;
    SteadyClock::time_point started;
    SteadyClock::time_point next_retry;
    int attempts = 0;
    std::string received;
};

bool same_endpoint(const sockaddr_storage& a, const sockaddr_storage& b) {
    return address_key(a) == address_key(b) && address_port(a) == address_port(b);
}

// Printable first part of a foreign answer, for the detail line.
std::string excerpt(const std::string& bytes) {
    std::string out;
    for (char c : bytes.substr(0, 60)) {
        if (c == '\n' || c == '\r') break;
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
    }
    return out;
}

class EpollTokenEchoProber final : public TokenEchoProber {
  public:
    explicit EpollTokenEchoProber(TokenEchoOptions options) : options_(std::move(options)) {}

    std::vector<EchoResult> probe(const std::vector<EchoTarget>& targets) override;

  private:
    void start(std::size_t target, SteadyClock::time_point now);
    void on_event(std::size_t slot, std::uint32_t events, SteadyClock::time_point now);
    void on_connected(std::size_t slot, SteadyClock::time_point now);
    void on_readable(std::size_t slot, SteadyClock::time_point now);
    void retry_datagrams(SteadyClock::time_point now);
    void finish(std::size_t slot, EchoStatus status, std::string detail,
                SteadyClock::time_point now);
    void finish_target(std::size_t target, EchoStatus status, std::string detail,
                       std::int64_t elapsed_ms = 0);
    bool send_request(std::size_t slot);

    TokenEchoOptions options_;
    std::string token_;  // this run's token
    std::string request_;
    std::optional<SocketAddress> source_;
    Descriptor epoll_;
    const std::vector<EchoTarget>* targets_ = nullptr;
    std::vector<EchoResult> results_;
    std::vector<Probe> probes_;  // slot = index; empty socket = free
    std::vector<std::size_t> free_slots_;
    std::size_t in_flight_ = 0;
};

const char* classify_refusal(int error) {
    switch (error) {
        case ECONNREFUSED:
            return "refused (TCP RST or ICMP port unreachable)";
        case EHOSTUNREACH:
            return "rejected (ICMP host unreachable)";
        case ENETUNREACH:
            return "rejected (ICMP network unreachable)";
        case EACCES:
        case EPERM:
            return "rejected (ICMP administratively prohibited)";
        default:
            return nullptr;
    }
}

void EpollTokenEchoProber::finish_target(std::size_t target, EchoStatus status, std::string detail,
                                         std::int64_t elapsed_ms) {
    EchoResult& r = results_[target];
    r.status = status;
    r.detail = std::move(detail);
    r.elapsed_ms = elapsed_ms;
}

void EpollTokenEchoProber::finish(std::size_t slot, EchoStatus status, std::string detail,
                                  SteadyClock::time_point now) {
    Probe& p = probes_[slot];
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - p.started);
    finish_target(p.target, status, std::move(detail), elapsed.count());
    epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, p.socket.get(), nullptr);
    p.socket.reset();
    p.received.clear();
    free_slots_.push_back(slot);
    --in_flight_;
}

bool EpollTokenEchoProber::send_request(std::size_t slot) {
    Probe& p = probes_[slot];
    const ssize_t n = ::send(p.socket.get(), request_.data(), request_.size(), MSG_NOSIGNAL);
    ++p.attempts;
    return n == static_cast<ssize_t>(request_.size());
}

void EpollTokenEchoProber::start(std::size_t target, SteadyClock::time_point now) {
    const EchoTarget& t = (*targets_)[target];
    const std::optional<SocketAddress> destination = parse_socket_address(t.address, t.port);
    if (!destination || t.port < 1) {
        finish_target(target, EchoStatus::error, "not a numeric address and port");
        return;
    }
    if (source_ && source_->family() != destination->family()) {
        finish_target(target, EchoStatus::error, "source and target address families differ");
        return;
    }
    if (source_ && address_key(source_->storage) == address_key(destination->storage)) {
        finish_target(target, EchoStatus::error,
                      "source address equals the target: the probe could connect to itself");
        return;
    }
    const bool tcp = t.transport == Transport::tcp;
    Descriptor socket(::socket(destination->family(),
                               (tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!socket.valid()) {
        finish_target(target, EchoStatus::error, std::string("socket: ") + std::strerror(errno));
        return;
    }
    if (source_) {
        const int on = 1;
        // Pick the source port at connect time, by 4-tuple: thousands of probes from one
        // address would otherwise exhaust the ephemeral ports at bind time.
        if (tcp) setsockopt(socket.get(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on);
        if (::bind(socket.get(), source_->get(), source_->length) != 0) {
            finish_target(target, EchoStatus::error,
                          std::string("bind to the source address: ") + std::strerror(errno));
            return;
        }
    }
    std::size_t slot;
    if (!free_slots_.empty()) {
        slot = free_slots_.back();
        free_slots_.pop_back();
    } else {
        slot = probes_.size();
        probes_.emplace_back();
    }
    Probe& p = probes_[slot];
    p.target = target;
    p.phase = tcp ? Phase::connecting : Phase::awaiting_answer;
    p.started = now;
    p.next_retry = now + options_.udp_retry_interval;
    p.attempts = 0;
    p.received.clear();
    p.socket = std::move(socket);
    ++in_flight_;

    epoll_event event{};
    event.events = tcp ? EPOLLOUT : EPOLLIN;
    event.data.u64 = slot;
    if (epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, p.socket.get(), &event) != 0) {
        finish(slot, EchoStatus::error, std::string("epoll_ctl: ") + std::strerror(errno), now);
        return;
    }
    // Connected UDP sockets receive ICMP port unreachable as ECONNREFUSED.
    if (::connect(p.socket.get(), destination->get(), destination->length) != 0 &&
        errno != EINPROGRESS) {
        const int error = errno;
        const char* refusal = classify_refusal(error);
        finish(slot, refusal ? EchoStatus::closed : EchoStatus::error,
               refusal ? refusal : std::string("connect: ") + std::strerror(error), now);
        return;
    }
    if (!tcp) {
        sockaddr_storage local{};
        socklen_t length = sizeof local;
        getsockname(p.socket.get(), reinterpret_cast<sockaddr*>(&local), &length);
        if (same_endpoint(local, destination->storage)) {
            finish(slot, EchoStatus::error, "the socket is connected to itself", now);
            return;
        }
        if (!send_request(slot)) {
            const int error = errno;
            const char* refusal = classify_refusal(error);
            finish(slot, refusal ? EchoStatus::closed : EchoStatus::error,
                   refusal ? refusal : std::string("send: ") + std::strerror(error), now);
        }
    }
    // TCP: EPOLLOUT reports the end of the handshake, even when connect() finished at once.
}

void EpollTokenEchoProber::on_connected(std::size_t slot, SteadyClock::time_point now) {
    Probe& p = probes_[slot];
    int error = 0;
    socklen_t length = sizeof error;
    getsockopt(p.socket.get(), SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0) {
        const char* refusal = classify_refusal(error);
        if (error == ETIMEDOUT) {
            finish(slot, EchoStatus::silent, "no answer to the connection attempt", now);
        } else {
            finish(slot, refusal ? EchoStatus::closed : EchoStatus::error,
                   refusal ? refusal : std::string("connect: ") + std::strerror(error), now);
        }
        return;
    }
    sockaddr_storage local{};
    sockaddr_storage peer{};
    socklen_t local_length = sizeof local;
    socklen_t peer_length = sizeof peer;
    getsockname(p.socket.get(), reinterpret_cast<sockaddr*>(&local), &local_length);
    getpeername(p.socket.get(), reinterpret_cast<sockaddr*>(&peer), &peer_length);
    if (same_endpoint(local, peer)) {
        finish(slot, EchoStatus::error, "the socket connected to itself (TCP self-connect)", now);
        return;
    }
    if (!send_request(slot)) {
        finish(slot, EchoStatus::wrong_answer,
               std::string("accepted, then failed the request: ") + std::strerror(errno), now);
        return;
    }
    p.phase = Phase::awaiting_answer;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.u64 = slot;
    epoll_ctl(epoll_.get(), EPOLL_CTL_MOD, p.socket.get(), &event);
}

void EpollTokenEchoProber::on_readable(std::size_t slot, SteadyClock::time_point now) {
    Probe& p = probes_[slot];
    const EchoTarget& t = (*targets_)[p.target];
    const bool tcp = t.transport == Transport::tcp;
    char buffer[max_answer_bytes + 1];
    const std::size_t room = tcp ? max_answer_bytes + 1 - p.received.size() : sizeof buffer;
    const ssize_t n = ::recv(p.socket.get(), buffer, room, tcp ? 0 : MSG_TRUNC);
    if (n < 0) {
        const int error = errno;
        if (error == EAGAIN || error == EWOULDBLOCK || error == EINTR) return;
        const char* refusal = classify_refusal(error);
        if (tcp) {
            finish(slot, EchoStatus::wrong_answer,
                   std::string("accepted, then: ") + std::strerror(error), now);
        } else {
            finish(slot, refusal ? EchoStatus::closed : EchoStatus::error,
                   refusal ? refusal : std::string("recv: ") + std::strerror(error), now);
        }
        return;
    }
    if (!tcp) {
        const std::size_t size = std::min(static_cast<std::size_t>(n), sizeof buffer);
        p.received.assign(buffer, size);
    } else if (n > 0) {
        p.received.append(buffer, static_cast<std::size_t>(n));
        const bool line_complete = p.received.find('\n') != std::string::npos;
        if (!line_complete && p.received.size() <= max_answer_bytes) return;
    } else if (p.received.empty()) {
        finish(slot, EchoStatus::wrong_answer, "accepted, then closed without an answer", now);
        return;
    }
    std::string line = p.received;
    if (tcp) line = line.substr(0, std::min(line.size(), line.find('\n') + 1));
    const std::optional<ParsedReply> reply = parse_reply(line);
    if (!reply || reply->token != token_ || reply->port != t.port ||
        reply->transport != t.transport) {
        finish(slot, EchoStatus::wrong_answer, "answered: " + excerpt(p.received), now);
        return;
    }
    results_[p.target].role = reply->role;
    finish(slot, EchoStatus::echoed, "echoed by the " + reply->role + " responder", now);
}

void EpollTokenEchoProber::on_event(std::size_t slot, std::uint32_t events,
                                    SteadyClock::time_point now) {
    if (!probes_[slot].socket.valid()) return;
    if (probes_[slot].phase == Phase::connecting) {
        if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) on_connected(slot, now);
        return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP)) on_readable(slot, now);
}

void EpollTokenEchoProber::retry_datagrams(SteadyClock::time_point now) {
    for (std::size_t slot = 0; slot < probes_.size(); ++slot) {
        Probe& p = probes_[slot];
        if (!p.socket.valid() || (*targets_)[p.target].transport != Transport::udp) continue;
        if (p.attempts >= options_.udp_attempts || now < p.next_retry) continue;
        p.next_retry = now + options_.udp_retry_interval;
        if (!send_request(slot)) {
            const int error = errno;
            const char* refusal = classify_refusal(error);
            if (refusal) finish(slot, EchoStatus::closed, refusal, now);
        }
    }
}

std::vector<EchoResult> EpollTokenEchoProber::probe(const std::vector<EchoTarget>& targets) {
    targets_ = &targets;
    results_.assign(targets.size(), {});
    probes_.clear();
    free_slots_.clear();
    in_flight_ = 0;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        results_[i].target = targets[i];
        results_[i].detail = "not probed before the deadline";
    }
    token_ = options_.token.empty() ? make_token() : options_.token;
    request_ = format_request(token_);
    const auto fail_all = [&](const std::string& why) {
        for (EchoResult& r : results_) {
            r.status = EchoStatus::error;
            r.detail = why;
        }
        return results_;
    };
    if (!is_valid_token(token_)) return fail_all("the token is not 16 hex digits");
    if (targets.size() > options_.max_targets) return fail_all("too many targets in one run");
    if (options_.max_in_flight == 0) return fail_all("max_in_flight is 0");
    source_.reset();
    if (!options_.source_address.empty()) {
        source_ = parse_socket_address(options_.source_address, 0);
        if (!source_) return fail_all("the source address is not a numeric IP address");
    }
    epoll_.reset(epoll_create1(EPOLL_CLOEXEC));
    if (!epoll_.valid()) return fail_all(std::string("epoll_create1: ") + std::strerror(errno));
    raise_descriptor_limit(std::min(options_.max_in_flight, targets.size()) + 64);

    const SteadyClock::time_point begin = SteadyClock::now();
    const SteadyClock::time_point deadline = begin + options_.deadline;
    std::size_t next = 0;
    epoll_event events[events_per_wait];
    SteadyClock::time_point now = begin;
    while ((next < targets.size() || in_flight_ > 0) && now < deadline) {
        const double elapsed_s = std::chrono::duration<double>(now - begin).count();
        const double allowed = options_.max_starts_per_second <= 0
                                   ? static_cast<double>(targets.size())
                                   : 1.0 + elapsed_s * options_.max_starts_per_second;
        while (next < targets.size() && in_flight_ < options_.max_in_flight &&
               static_cast<double>(next) < allowed) {
            start(next++, now);
        }
        auto wait = deadline - now;
        if (next < targets.size()) wait = std::min<SteadyClock::duration>(wait, pacing_tick);
        wait = std::min<SteadyClock::duration>(wait, options_.udp_retry_interval / 4);
        const auto wait_ms =
            std::max<long long>(1, std::chrono::ceil<std::chrono::milliseconds>(wait).count());
        const int n = epoll_wait(epoll_.get(), events, events_per_wait, static_cast<int>(wait_ms));
        now = SteadyClock::now();
        for (int i = 0; i < n; ++i) {
            on_event(static_cast<std::size_t>(events[i].data.u64), events[i].events, now);
        }
        retry_datagrams(now);
    }
    // Whatever is still open got no answer in time: a firewall dropped it (or the answer).
    for (std::size_t slot = 0; slot < probes_.size(); ++slot) {
        if (!probes_[slot].socket.valid()) continue;
        const bool connecting = probes_[slot].phase == Phase::connecting;
        const bool tcp = (*targets_)[probes_[slot].target].transport == Transport::tcp;
        finish(slot, EchoStatus::silent,
               connecting ? "no answer to the connection attempt"
               : tcp      ? "connected, but no answer to the probe line"
                          : "no answer to the datagram",
               std::max(now, deadline));
    }
    epoll_.reset();
    targets_ = nullptr;
    return results_;
}

}  // namespace

const char* to_string(EchoStatus status) {
    switch (status) {
        case EchoStatus::echoed:
            return "echoed";
        case EchoStatus::wrong_answer:
            return "wrong_answer";
        case EchoStatus::closed:
            return "closed";
        case EchoStatus::silent:
            return "silent";
        case EchoStatus::error:
            break;
    }
    return "error";
}

std::unique_ptr<TokenEchoProber> make_token_echo_prober(TokenEchoOptions options) {
    return std::make_unique<EpollTokenEchoProber>(std::move(options));
}

}  // namespace edgeplan::checks::probes
