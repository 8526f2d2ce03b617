// Many non-blocking TCP connects at once, classified from the socket error (connect(2)):
// RST -> ECONNREFUSED -> closed; ICMP unreachable -> EHOSTUNREACH/ENETUNREACH -> unreachable;
// nothing before the deadline -> filtered.
#include <errno.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <string>

#include "checks/probes/port_prober.h"
#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {

namespace {

struct Attempt {
    TcpObservation observation;
    UniqueFd fd;
    SteadyClock::time_point started;
    SteadyClock::time_point deadline;
    bool running = false;
    bool done = false;
};

TcpOutcome outcome_of_error(int error) {
    switch (error) {
        case ECONNREFUSED:
        case ECONNRESET:
            return TcpOutcome::closed;
        case EHOSTUNREACH:
        case ENETUNREACH:
        case EHOSTDOWN:
        case ENETDOWN:
            return TcpOutcome::unreachable;
        case ETIMEDOUT:
        case EPERM:  // a local netfilter rule dropped the SYN
        case EACCES:
            return TcpOutcome::filtered;
        default:
            return TcpOutcome::local_error;
    }
}

// One probe() call: its own epoll set and in-flight count. The prober is shared by the runner's
// sweep and chain threads, which call probe() at the same time, so no state may live in the
// prober itself (a shared epoll set once handed one thread's events to the other: ports read as
// filtered and a thread waited forever for a count that never reached zero).
class ConnectSweep {
  public:
    explicit ConnectSweep(const PortProberOptions& options) : options_(options) {}
    std::vector<TcpObservation> run(const std::vector<TcpProbe>& probes);

  private:
    void start(Attempt& attempt, std::size_t index);
    void on_writable(Attempt& attempt);
    void on_connected(Attempt& attempt);
    void finish(Attempt& attempt, TcpOutcome outcome, std::string detail = {});

    const PortProberOptions& options_;
    UniqueFd epoll_;
    std::size_t running_ = 0;
};

class EpollPortProber final : public PortProber {
  public:
    explicit EpollPortProber(PortProberOptions options) : options_(options) {}
    std::vector<TcpObservation> probe(const std::vector<TcpProbe>& probes) override {
        return ConnectSweep(options_).run(probes);
    }

  private:
    const PortProberOptions options_;
};

void ConnectSweep::finish(Attempt& attempt, TcpOutcome outcome, std::string detail) {
    if (attempt.done) return;
    attempt.observation.outcome = outcome;
    attempt.observation.detail = std::move(detail);
    attempt.observation.elapsed_ms = elapsed_ms(attempt.started, SteadyClock::now());
    attempt.fd.reset();
    if (attempt.running) --running_;
    attempt.running = false;
    attempt.done = true;
}

void ConnectSweep::start(Attempt& attempt, std::size_t index) {
    attempt.started = SteadyClock::now();
    attempt.deadline = attempt.started + options_.timeout;
    const TcpProbe& probe = attempt.observation.probe;
    const auto target = make_socket_address(probe.address, probe.port);
    if (!target || probe.port == 0) {
        return finish(attempt, TcpOutcome::local_error, "not an IP address and port");
    }
    attempt.fd.reset(::socket(target->family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!attempt.fd)
        return finish(attempt, TcpOutcome::local_error, "socket: " + errno_text(errno));
    attempt.running = true;
    ++running_;
    if (probe.source_address) {
        const auto source = make_socket_address(*probe.source_address, 0);
        if (!source || source->family() != target->family()) {
            return finish(attempt, TcpOutcome::local_error,
                          "source address is not an address of the target's family");
        }
        // Let connect() pick the port so thousands of bound sockets do not exhaust them.
        const int yes = 1;
        ::setsockopt(attempt.fd.get(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &yes, sizeof yes);
        if (::bind(attempt.fd.get(), source->get(), source->length) != 0) {
            return finish(attempt, TcpOutcome::local_error, "bind: " + errno_text(errno));
        }
    }
    if (::connect(attempt.fd.get(), target->get(), target->length) == 0)
        return on_connected(attempt);
    if (errno != EINPROGRESS) {
        const int error = errno;
        return finish(attempt, outcome_of_error(error), "connect: " + errno_text(error));
    }
    epoll_event event{};
    event.events = EPOLLOUT;
    event.data.u64 = index;
    if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, attempt.fd.get(), &event) != 0) {
        finish(attempt, TcpOutcome::local_error, "epoll_ctl: " + errno_text(errno));
    }
}

void ConnectSweep::on_writable(Attempt& attempt) {
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(attempt.fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
    if (error == 0) return on_connected(attempt);
    finish(attempt, outcome_of_error(error), errno_text(error));
}

// A socket whose local and peer endpoints are equal connected to itself (TCP simultaneous
// open on loopback when the ephemeral port equals the target port): nothing listens there.
void ConnectSweep::on_connected(Attempt& attempt) {
    SocketAddress local;
    SocketAddress peer;
    local.length = sizeof local.storage;
    peer.length = sizeof peer.storage;
    if (::getsockname(attempt.fd.get(), reinterpret_cast<sockaddr*>(&local.storage),
                      &local.length) == 0 &&
        ::getpeername(attempt.fd.get(), reinterpret_cast<sockaddr*>(&peer.storage), &peer.length) ==
            0 &&
        same_endpoint(local, peer)) {
        return finish(attempt, TcpOutcome::closed, "connected to itself: no listener");
    }
    // Close with a RST: no TIME_WAIT pile-up. Only an established connection needs it, so
    // closed and filtered ports save the system call.
    const linger abort_on_close{1, 0};
    ::setsockopt(attempt.fd.get(), SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    finish(attempt, TcpOutcome::open);
}

std::vector<TcpObservation> ConnectSweep::run(const std::vector<TcpProbe>& probes) {
    std::vector<Attempt> attempts(probes.size());
    for (std::size_t i = 0; i < probes.size(); ++i) attempts[i].observation.probe = probes[i];
    epoll_.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!epoll_) {
        const std::string why = "epoll_create1: " + errno_text(errno);
        for (auto& attempt : attempts) finish(attempt, TcpOutcome::local_error, why);
    }
    // Headroom for the descriptors the rest of the process keeps open.
    const std::uint64_t reserve = open_file_count() + 32;
    const std::uint64_t allowed = raise_open_file_limit(reserve + probes.size());
    const std::size_t limit = std::max<std::size_t>(
        1,
        std::min<std::uint64_t>(options_.max_in_flight, allowed > reserve ? allowed - reserve : 1));
    std::size_t next = epoll_ ? 0 : attempts.size();
    std::array<epoll_event, 256> events{};
    // Attempts start in index order and each gets one timeout, so their deadlines grow with
    // the index: the oldest unfinished attempt holds the next deadline, and expiry walks from
    // it instead of scanning every attempt on each wake-up.
    std::size_t oldest = 0;
    // Bounded: each attempt ends by its own deadline; at most `limit` run at once.
    while (next < attempts.size() || running_ > 0) {
        while (running_ < limit && next < attempts.size()) {
            start(attempts[next], next);
            ++next;
        }
        if (running_ == 0) continue;
        while (oldest < next && attempts[oldest].done) ++oldest;
        auto now = SteadyClock::now();
        const auto wake = std::min(now + std::chrono::seconds(1), attempts[oldest].deadline);
        const int ready = ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()),
                                       wait_ms_until(wake, now, 1000));
        for (int i = 0; i < ready; ++i) {
            const auto index = static_cast<std::size_t>(events[i].data.u64);
            if (index < attempts.size() && attempts[index].running) on_writable(attempts[index]);
        }
        now = SteadyClock::now();
        for (std::size_t i = oldest; i < next && now >= attempts[i].deadline; ++i) {
            if (attempts[i].running) {
                finish(attempts[i], TcpOutcome::filtered,
                       "no answer within " + std::to_string(options_.timeout.count()) + " ms");
            }
        }
    }
    epoll_.reset();
    std::vector<TcpObservation> observations;
    observations.reserve(attempts.size());
    for (auto& attempt : attempts) observations.push_back(std::move(attempt.observation));
    return observations;
}

}  // namespace

std::unique_ptr<PortProber> make_epoll_port_prober(PortProberOptions options) {
    return std::make_unique<EpollPortProber>(options);
}

}  // namespace edgeplan::checks::probes
