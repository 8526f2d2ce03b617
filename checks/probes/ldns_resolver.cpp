// Asynchronous stub resolver: ldns builds and parses the packets, epoll multiplexes many
// queries over non-blocking sockets. Each query gets its own connected UDP socket (random source
// port, kernel drops datagrams from other addresses) and a random ID; a response is accepted only
// when ID, QR and the question all match (RFC 5452 section 9.1).
#include <errno.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "checks/probes/dns_answer.h"
#include "checks/probes/resolver.h"
#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {

namespace {

std::uint16_t random_id() {
    std::uint16_t id = 0;
    if (::getrandom(&id, sizeof id, 0) != static_cast<ssize_t>(sizeof id)) {
        id = static_cast<std::uint16_t>(std::random_device{}());
    }
    return id;
}

enum class Phase { waiting, udp, tcp_connecting, tcp_writing, tcp_reading, done };

struct Job {
    DnsAnswer answer;
    std::optional<SocketAddress> server;
    std::string current_name;  // the name asked now (query name, then CNAME targets)
    SteadyClock::time_point started;
    SteadyClock::time_point deadline;
    SteadyClock::time_point next_resend;
    int resends_left = 0;
    Phase phase = Phase::waiting;
    UniqueFd fd;
    std::uint16_t id = 0;
    std::vector<std::uint8_t> wire;  // the query as sent
    std::vector<std::uint8_t> tcp_buffer;
    std::size_t tcp_sent = 0;
    bool saw_garbage = false;  // an unparsable datagram arrived on this query's socket
};

class LdnsResolver final : public Resolver {
  public:
    explicit LdnsResolver(ResolverOptions options) : options_(options) {}
    std::vector<DnsAnswer> resolve(const std::vector<DnsQuery>& queries) override;

  private:
    void start(Job& job, std::size_t index);
    bool send_query(Job& job, std::size_t index);
    void start_tcp(Job& job, std::size_t index);
    void on_event(Job& job, std::size_t index, std::uint32_t events);
    void on_udp_readable(Job& job, std::size_t index);
    void on_tcp_event(Job& job, std::size_t index, std::uint32_t events);
    // Acts on interpret_dns_response's verdict for a matching response.
    void on_response(Job& job, std::size_t index, DnsVerdict verdict);
    DnsVerdict interpret(Job& job, const std::uint8_t* data, std::size_t size, bool tcp);
    void finish(Job& job, DnsOutcome outcome, std::string detail = {});
    void watch(Job& job, std::size_t index, std::uint32_t events, int op);

    ResolverOptions options_;
    UniqueFd epoll_;
    std::size_t active_ = 0;
};

void LdnsResolver::watch(Job& job, std::size_t index, std::uint32_t events, int op) {
    epoll_event event{};
    event.events = events;
    event.data.u64 = index;
    if (::epoll_ctl(epoll_.get(), op, job.fd.get(), &event) != 0) {
        finish(job, DnsOutcome::network_error, "epoll_ctl: " + errno_text(errno));
    }
}

void LdnsResolver::finish(Job& job, DnsOutcome outcome, std::string detail) {
    if (job.phase == Phase::done) return;
    job.answer.outcome = outcome;
    job.answer.detail = std::move(detail);
    job.answer.elapsed_ms = elapsed_ms(job.started, SteadyClock::now());
    job.fd.reset();  // close() also removes it from the epoll set
    if (job.phase != Phase::waiting) --active_;
    job.phase = Phase::done;
}

void LdnsResolver::start(Job& job, std::size_t index) {
    job.started = SteadyClock::now();
    job.deadline = job.started + options_.timeout;
    job.current_name = job.answer.query.name;
    job.server = parse_endpoint(job.answer.query.server, 53);
    if (!job.server) {
        finish(job, DnsOutcome::network_error,
               "not an ADDR[:PORT] server: " + job.answer.query.server);
        return;
    }
    job.phase = Phase::udp;
    ++active_;
    send_query(job, index);
}

// Builds the query for job.current_name and sends it over a fresh connected UDP socket.
bool LdnsResolver::send_query(Job& job, std::size_t index) {
    job.fd.reset();
    job.phase = Phase::udp;
    job.id = random_id();
    job.wire = encode_dns_query(job.current_name, job.answer.query.type, job.id);
    if (job.wire.empty()) {
        finish(job, DnsOutcome::malformed, "not a domain name: " + job.current_name);
        return false;
    }

    job.fd.reset(::socket(job.server->family(), SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!job.fd) {
        finish(job, DnsOutcome::network_error, "socket: " + errno_text(errno));
        return false;
    }
    if (::connect(job.fd.get(), job.server->get(), job.server->length) != 0 ||
        ::send(job.fd.get(), job.wire.data(), job.wire.size(), 0) < 0) {
        finish(job, DnsOutcome::network_error, "send: " + errno_text(errno));
        return false;
    }
    job.resends_left = options_.udp_retransmits;
    const auto remaining = job.deadline - SteadyClock::now();
    job.next_resend = SteadyClock::now() + remaining / (options_.udp_retransmits + 1);
    watch(job, index, EPOLLIN, EPOLL_CTL_ADD);
    return job.phase != Phase::done;
}

// RFC 1035 4.2.2 / RFC 7766: same query over TCP with a two-byte length prefix.
void LdnsResolver::start_tcp(Job& job, std::size_t index) {
    job.answer.truncated_retry_over_tcp = true;
    job.fd.reset(::socket(job.server->family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!job.fd) {
        finish(job, DnsOutcome::network_error, "socket: " + errno_text(errno));
        return;
    }
    const auto size = static_cast<std::uint16_t>(job.wire.size());
    job.wire.insert(job.wire.begin(),
                    {static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size & 0xff)});
    job.tcp_sent = 0;
    job.tcp_buffer.clear();
    if (::connect(job.fd.get(), job.server->get(), job.server->length) != 0 &&
        errno != EINPROGRESS) {
        finish(job, DnsOutcome::network_error, "TCP connect: " + errno_text(errno));
        return;
    }
    job.phase = Phase::tcp_connecting;
    watch(job, index, EPOLLOUT, EPOLL_CTL_ADD);
}

DnsVerdict LdnsResolver::interpret(Job& job, const std::uint8_t* data, std::size_t size, bool tcp) {
    const DnsExchange exchange{job.current_name, job.id, tcp, options_.max_cname_hops};
    return interpret_dns_response(exchange, data, size, job.answer);
}

void LdnsResolver::on_event(Job& job, std::size_t index, std::uint32_t events) {
    if (job.phase == Phase::udp) {
        on_udp_readable(job, index);
    } else {
        on_tcp_event(job, index, events);
    }
}

void LdnsResolver::on_udp_readable(Job& job, std::size_t index) {
    std::array<std::uint8_t, 65535> buffer{};
    // Bounded: a flood of junk on one socket cannot starve the others.
    for (int datagram = 0; datagram < 16 && job.phase == Phase::udp; ++datagram) {
        const ssize_t received = ::recv(job.fd.get(), buffer.data(), buffer.size(), 0);
        if (received < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
            // ECONNREFUSED here is an ICMP port unreachable for the connected socket.
            finish(job, DnsOutcome::network_error, "UDP: " + errno_text(errno));
            return;
        }
        const DnsVerdict verdict =
            interpret(job, buffer.data(), static_cast<std::size_t>(received), false);
        if (verdict == DnsVerdict::unparsable) {
            job.saw_garbage = true;
            continue;
        }
        if (verdict == DnsVerdict::unrelated) continue;  // spoofed or stale: keep waiting
        if (verdict == DnsVerdict::truncated) {
            job.fd.reset();
            start_tcp(job, index);
            return;
        }
        on_response(job, index, verdict);
    }
}

void LdnsResolver::on_tcp_event(Job& job, std::size_t index, std::uint32_t events) {
    if (job.phase == Phase::tcp_connecting) {
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(job.fd.get(), SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            finish(job, DnsOutcome::network_error, "TCP connect: " + errno_text(error));
            return;
        }
        job.phase = Phase::tcp_writing;
    }
    if (job.phase == Phase::tcp_writing) {
        const ssize_t sent = ::send(job.fd.get(), job.wire.data() + job.tcp_sent,
                                    job.wire.size() - job.tcp_sent, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
            finish(job, DnsOutcome::network_error, "TCP send: " + errno_text(errno));
            return;
        }
        job.tcp_sent += static_cast<std::size_t>(sent);
        if (job.tcp_sent == job.wire.size()) {
            job.phase = Phase::tcp_reading;
            watch(job, index, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_MOD);
        }
        return;
    }
    if (job.phase != Phase::tcp_reading) return;
    std::array<std::uint8_t, 16384> buffer{};
    const ssize_t received = ::recv(job.fd.get(), buffer.data(), buffer.size(), 0);
    if (received < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
        finish(job, DnsOutcome::network_error, "TCP recv: " + errno_text(errno));
        return;
    }
    job.tcp_buffer.insert(job.tcp_buffer.end(), buffer.begin(), buffer.begin() + received);
    if (job.tcp_buffer.size() >= 2) {
        const std::size_t length =
            (static_cast<std::size_t>(job.tcp_buffer[0]) << 8) | job.tcp_buffer[1];
        if (job.tcp_buffer.size() >= length + 2) {
            const DnsVerdict verdict = interpret(job, job.tcp_buffer.data() + 2, length, true);
            // On a stream there is nothing else to wait for: a bad answer is the answer.
            if (verdict == DnsVerdict::unparsable || verdict == DnsVerdict::unrelated) {
                finish(job, DnsOutcome::malformed, "TCP answer does not parse or match");
                return;
            }
            on_response(job, index, verdict);
            return;
        }
    }
    if (received == 0 || (events & (EPOLLRDHUP | EPOLLHUP)) != 0) {
        finish(job, DnsOutcome::network_error, "TCP connection closed before the answer");
    }
}

void LdnsResolver::on_response(Job& job, std::size_t index, DnsVerdict verdict) {
    if (verdict == DnsVerdict::follow) {
        // Ask for the chain's last name, within the same deadline.
        job.current_name = job.answer.cname_chain.back();
        send_query(job, index);
        return;
    }
    finish(job, job.answer.outcome, job.answer.detail);
}

std::vector<DnsAnswer> LdnsResolver::resolve(const std::vector<DnsQuery>& queries) {
    std::vector<Job> jobs(queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i) jobs[i].answer.query = queries[i];
    epoll_.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!epoll_) {
        std::vector<DnsAnswer> failed;
        for (auto& job : jobs) {
            job.answer.outcome = DnsOutcome::network_error;
            job.answer.detail = "epoll_create1: " + errno_text(errno);
            failed.push_back(job.answer);
        }
        return failed;
    }
    const std::size_t limit = std::max<std::size_t>(1, options_.max_in_flight);
    raise_open_file_limit(open_file_count() + limit + 16);
    active_ = 0;
    std::size_t next = 0;
    std::array<epoll_event, 64> events{};
    // Terminates: every started job ends by its deadline at the latest, and jobs start only
    // while fewer than `limit` run, so the loop runs at most ~(n / limit + 1) timeouts.
    while (true) {
        while (active_ < limit && next < jobs.size()) {
            start(jobs[next], next);
            ++next;
        }
        if (active_ == 0 && next == jobs.size()) break;
        auto now = SteadyClock::now();
        auto wake = now + std::chrono::seconds(1);
        for (const auto& job : jobs) {
            if (job.phase == Phase::done || job.phase == Phase::waiting) continue;
            wake = std::min(wake, job.deadline);
            if (job.phase == Phase::udp && job.resends_left > 0)
                wake = std::min(wake, job.next_resend);
        }
        const int ready = ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()),
                                       wait_ms_until(wake, now, 1000));
        for (int i = 0; i < ready; ++i) {
            const auto index = static_cast<std::size_t>(events[i].data.u64);
            if (index < jobs.size() && jobs[index].phase != Phase::done) {
                on_event(jobs[index], index, events[i].events);
            }
        }
        now = SteadyClock::now();
        for (auto& job : jobs) {
            if (job.phase == Phase::done || job.phase == Phase::waiting) continue;
            if (now >= job.deadline) {
                if (job.saw_garbage) {
                    finish(job, DnsOutcome::malformed, "only unparsable answers arrived");
                } else {
                    finish(job, DnsOutcome::timeout,
                           "no answer within " + std::to_string(options_.timeout.count()) + " ms");
                }
            } else if (job.phase == Phase::udp && job.resends_left > 0 && now >= job.next_resend) {
                // Same ID and socket: a late answer to the first send still matches.
                --job.resends_left;
                ::send(job.fd.get(), job.wire.data(), job.wire.size(), 0);
                job.next_resend = now + (job.deadline - now) / (job.resends_left + 1);
            }
        }
    }
    epoll_.reset();
    std::vector<DnsAnswer> answers;
    answers.reserve(jobs.size());
    for (auto& job : jobs) answers.push_back(std::move(job.answer));
    return answers;
}

}  // namespace

std::unique_ptr<Resolver> make_ldns_resolver(ResolverOptions options) {
    return std::make_unique<LdnsResolver>(options);
}

}  // namespace edgeplan::checks::probes
