#include "checks/probes/responder.h"

#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "checks/probes/token_echo_protocol.h"

namespace edgeplan::checks::probes {
namespace {

using SteadyClock = std::chrono::steady_clock;

// epoll user data: the kind of descriptor in the high half, its index in the low half.
enum Tag : std::uint64_t { stop_tag = 0, listener_tag = 1, connection_tag = 2 };
std::uint64_t pack(Tag tag, std::size_t index) {
    return (static_cast<std::uint64_t>(tag) << 32) | static_cast<std::uint64_t>(index);
}

// Bounds on work done per wake-up, so one busy socket cannot starve the others.
constexpr int accepts_per_event = 64;
constexpr int datagrams_per_event = 64;
constexpr int events_per_wait = 256;
constexpr auto housekeeping_interval = std::chrono::milliseconds(100);

BindProblem classify(int error) {
    switch (error) {
        case EADDRINUSE:
            return BindProblem::in_use;
        case EACCES:
        case EPERM:
            return BindProblem::permission;
        case EMFILE:
        case ENFILE:
            return BindProblem::no_descriptors;
        default:
            return BindProblem::other;
    }
}

}  // namespace

const char* to_string(BindProblem problem) {
    switch (problem) {
        case BindProblem::in_use:
            return "in_use";
        case BindProblem::permission:
            return "permission";
        case BindProblem::no_descriptors:
            return "no_descriptors";
        case BindProblem::other:
            break;
    }
    return "other";
}

Responder::Responder(ResponderOptions options) : options_(std::move(options)) {
    epoll_.reset(epoll_create1(EPOLL_CLOEXEC));
    stop_event_.reset(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (!epoll_.valid() || !stop_event_.valid()) {
        setup_error_ = std::string("cannot create epoll/eventfd: ") + std::strerror(errno);
        return;
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = pack(stop_tag, 0);
    if (epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, stop_event_.get(), &event) != 0) {
        setup_error_ = std::string("cannot watch the stop event: ") + std::strerror(errno);
    }
}

Responder::~Responder() = default;

void Responder::request_stop() const {
    const std::uint64_t one = 1;
    if (stop_event_.valid()) {
        // Ignoring the result is right: a full counter already means "stop".
        [[maybe_unused]] const ssize_t n = ::write(stop_event_.get(), &one, sizeof one);
    }
}

BindReport Responder::bind(const std::vector<ResponderEndpoint>& endpoints) {
    BindReport report;
    if (!setup_error_.empty()) {
        report.error = setup_error_;
        return report;
    }
    if (!is_valid_role(options_.role)) {
        report.error = "role '" + options_.role + "' is not a valid role name";
        return report;
    }
    if (!parse_socket_address(options_.bind_address, 0)) {
        report.error = "bind address '" + options_.bind_address + "' is not an IP address";
        return report;
    }
    for (const ResponderEndpoint& endpoint : endpoints) {
        const SocketAddress address = *parse_socket_address(options_.bind_address, endpoint.port);
        const bool tcp = endpoint.transport == topology::Transport::tcp;
        Descriptor socket(::socket(
            address.family(), (tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        int error = 0;
        if (!socket.valid()) {
            error = errno;
        } else {
            const int on = 1;
            // A restarted responder must not wait for old connections' TIME_WAIT to expire.
            if (tcp) setsockopt(socket.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
            if (::bind(socket.get(), address.get(), address.length) != 0 ||
                (tcp && ::listen(socket.get(), 64) != 0)) {
                error = errno;
            }
        }
        if (error == 0) {
            epoll_event event{};
            event.events = EPOLLIN;
            event.data.u64 = pack(listener_tag, listeners_.size());
            if (epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, socket.get(), &event) != 0) error = errno;
        }
        if (error != 0) {
            report.failures.push_back({endpoint, classify(error), std::strerror(error)});
            continue;
        }
        listeners_.push_back({std::move(socket), endpoint});
        report.bound.push_back(endpoint);
    }
    stats_.replies_per_endpoint.assign(listeners_.size(), 0);
    return report;
}

bool Responder::reply_allowed(const sockaddr_storage& peer, SteadyClock::time_point now) {
    const std::string key = address_key(peer);
    auto it = sources_.find(key);
    if (it == sources_.end()) {
        if (sources_.size() >= options_.max_sources) {
            for (auto old = sources_.begin(); old != sources_.end();) {
                old = now - old->second.start >= std::chrono::seconds(1) ? sources_.erase(old)
                                                                         : std::next(old);
            }
        }
        if (sources_.size() >= options_.max_sources) return false;
        it = sources_.emplace(key, SourceWindow{now, 0}).first;
    }
    SourceWindow& window = it->second;
    if (now - window.start >= std::chrono::seconds(1)) window = {now, 0};
    if (window.replies >= options_.max_replies_per_second) return false;
    ++window.replies;
    return true;
}

void Responder::on_accept(std::size_t listener) {
    for (int i = 0; i < accepts_per_event; ++i) {
        sockaddr_storage peer{};
        socklen_t length = sizeof peer;
        Descriptor socket(accept4(listeners_[listener].socket.get(),
                                  reinterpret_cast<sockaddr*>(&peer), &length,
                                  SOCK_NONBLOCK | SOCK_CLOEXEC));
        if (!socket.valid()) return;  // EAGAIN, or a transient error: try on the next event
        ++stats_.tcp_connections;
        if (open_connections_ >= options_.max_connections) {
            ++stats_.connections_refused;
            continue;  // closed by the Descriptor
        }
        std::size_t slot;
        if (!free_slots_.empty()) {
            slot = free_slots_.back();
            free_slots_.pop_back();
        } else {
            slot = connections_.size();
            connections_.emplace_back();
        }
        epoll_event event{};
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.u64 = pack(connection_tag, slot);
        if (epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, socket.get(), &event) != 0) {
            free_slots_.push_back(slot);
            continue;
        }
        Connection& c = connections_[slot];
        c.socket = std::move(socket);
        c.listener = listener;
        c.deadline = SteadyClock::now() + options_.connection_timeout;
        c.received.clear();
        c.peer = peer;
        ++open_connections_;
    }
}

void Responder::close_connection(std::size_t slot) {
    Connection& c = connections_[slot];
    if (!c.socket.valid()) return;
    epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, c.socket.get(), nullptr);
    c.socket.reset();
    c.received.clear();
    free_slots_.push_back(slot);
    --open_connections_;
}

void Responder::on_connection(std::size_t slot) {
    Connection& c = connections_[slot];
    if (!c.socket.valid()) return;
    // Read at most one byte more than a request: anything longer is not a probe.
    char buffer[request_length + 1];
    const std::size_t room = request_length + 1 - c.received.size();
    const ssize_t n = ::recv(c.socket.get(), buffer, room, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (n > 0) c.received.append(buffer, static_cast<std::size_t>(n));
    const bool complete =
        c.received.find('\n') != std::string::npos || c.received.size() > request_length || n <= 0;
    if (!complete) return;

    const std::optional<std::string> token = parse_request(c.received);
    if (!token) {
        ++stats_.invalid_requests;
    } else if (!reply_allowed(c.peer, SteadyClock::now())) {
        ++stats_.rate_limited;
    } else {
        const ResponderEndpoint& endpoint = listeners_[c.listener].endpoint;
        const std::string reply =
            format_reply(*token, options_.role, endpoint.port, endpoint.transport);
        // 60 bytes always fit an empty send buffer; a failure only loses this one answer.
        if (::send(c.socket.get(), reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT) ==
            static_cast<ssize_t>(reply.size())) {
            ++stats_.tcp_replies;
            ++stats_.replies_per_endpoint[c.listener];
        }
    }
    close_connection(slot);
}

void Responder::on_datagram(std::size_t listener) {
    const Listener& l = listeners_[listener];
    for (int i = 0; i < datagrams_per_event; ++i) {
        char buffer[512];
        sockaddr_storage peer{};
        socklen_t length = sizeof peer;
        // MSG_TRUNC: the real length of an oversized datagram, so it is refused, not cut.
        const ssize_t n = ::recvfrom(l.socket.get(), buffer, sizeof buffer, MSG_TRUNC,
                                     reinterpret_cast<sockaddr*>(&peer), &length);
        if (n < 0) return;
        const std::size_t size = std::min(static_cast<std::size_t>(n), sizeof buffer);
        const std::optional<std::string> token = static_cast<std::size_t>(n) == request_length
                                                     ? parse_request(std::string_view(buffer, size))
                                                     : std::nullopt;
        if (!token) {
            ++stats_.invalid_requests;
            continue;
        }
        if (!reply_allowed(peer, SteadyClock::now())) {
            ++stats_.rate_limited;
            continue;
        }
        const std::string reply =
            format_reply(*token, options_.role, l.endpoint.port, l.endpoint.transport);
        if (::sendto(l.socket.get(), reply.data(), reply.size(), MSG_DONTWAIT,
                     reinterpret_cast<const sockaddr*>(&peer),
                     length) == static_cast<ssize_t>(reply.size())) {
            ++stats_.udp_replies;
            ++stats_.replies_per_endpoint[listener];
        }
    }
}

void Responder::expire_connections(SteadyClock::time_point now) {
    if (open_connections_ == 0) return;
    for (std::size_t slot = 0; slot < connections_.size(); ++slot) {
        if (connections_[slot].socket.valid() && now >= connections_[slot].deadline) {
            ++stats_.connections_timed_out;
            close_connection(slot);
        }
    }
}

ResponderStats Responder::run() {
    const SteadyClock::time_point start = SteadyClock::now();
    const SteadyClock::time_point end = start + options_.duration;
    if (!setup_error_.empty()) {
        stats_.error = setup_error_;
        return stats_;
    }
    epoll_event events[events_per_wait];
    SteadyClock::time_point now = start;
    while (now < end && !stats_.stopped) {
        const auto wait = std::min<SteadyClock::duration>(end - now, housekeeping_interval);
        const auto wait_ms = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
        const int n = epoll_wait(epoll_.get(), events, events_per_wait, static_cast<int>(wait_ms));
        if (n < 0 && errno != EINTR) {
            stats_.error = std::string("epoll_wait: ") + std::strerror(errno);
            break;
        }
        for (int i = 0; i < n; ++i) {
            const auto tag = static_cast<Tag>(events[i].data.u64 >> 32);
            const auto index = static_cast<std::size_t>(events[i].data.u64 & 0xffffffffu);
            if (tag == stop_tag) {
                stats_.stopped = true;
            } else if (tag == listener_tag) {
                if (listeners_[index].endpoint.transport == topology::Transport::tcp) {
                    on_accept(index);
                } else {
                    on_datagram(index);
                }
            } else {
                on_connection(index);
            }
        }
        now = SteadyClock::now();
        expire_connections(now);
    }
    for (std::size_t slot = 0; slot < connections_.size(); ++slot) close_connection(slot);
    stats_.ran_for =
        std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start);
    return stats_;
}

}  // namespace edgeplan::checks::probes
