// Asynchronous stub resolver: ldns builds and parses the packets, epoll multiplexes many
// queries over non-blocking sockets. UDP queries share a few connected sockets per server
// (dns_udp_pool.h: random source ports, random IDs unique per socket); a response is accepted
// only when ID, QR and the question all match (RFC 5452 section 9.1). The TCP retry after TC=1
// gets a connection of its own.
#include <errno.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/probes/dns_answer.h"
#include "checks/probes/dns_udp_pool.h"
#include "checks/probes/resolver.h"
#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {

namespace {

// Event data of the pool's UDP sockets; a TCP retry's socket carries its job index.
constexpr std::uint64_t kPoolSocket = std::uint64_t{1} << 63;
// Datagrams read per recvmmsg(2) call, and the room for each (a query without EDNS gets at
// most 512 bytes; more is kept so an oversized answer is parsed, not cut).
constexpr std::size_t kBatch = 16;
constexpr std::size_t kDatagramRoom = 65535;
// Queries outstanding at once, whatever the options say: keeps the IDs of a socket sparse.
constexpr std::size_t kMaxInFlight = 8192;

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
    std::optional<std::size_t> slot;  // the pool socket of the UDP query outstanding
    UniqueFd fd;                      // the TCP retry's connection
    std::uint16_t id = 0;
    std::vector<std::uint8_t> wire;  // the query as sent
    std::vector<std::uint8_t> tcp_buffer;
    std::size_t tcp_sent = 0;
    bool saw_garbage = false;  // an unparsable datagram arrived for this query
};

// One resolve() call: its own epoll set, sockets and jobs, so calls never share state.
class Lookup {
  public:
    explicit Lookup(const ResolverOptions& options) : options_(options) {}
    std::vector<DnsAnswer> run(const std::vector<DnsQuery>& queries);

  private:
    void start(std::size_t index);
    void send_query(Job& job, std::size_t index);
    void start_tcp(Job& job, std::size_t index);
    void on_pool_readable(std::size_t slot);
    void on_datagram(std::size_t slot, const std::uint8_t* data, std::size_t size);
    void on_tcp_event(Job& job, std::size_t index, std::uint32_t events);
    // Acts on interpret_dns_response's verdict for a matching response.
    void on_response(Job& job, std::size_t index, DnsVerdict verdict);
    DnsVerdict interpret(Job& job, const std::uint8_t* data, std::size_t size, bool tcp);
    void end_udp(Job& job);
    void finish(Job& job, DnsOutcome outcome, std::string detail = {});
    void on_clock(SteadyClock::time_point now);
    SteadyClock::time_point next_wake(SteadyClock::time_point now) const;

    const ResolverOptions& options_;
    UniqueFd epoll_;
    std::optional<DnsUdpPool> pool_;
    std::vector<Job> jobs_;
    std::vector<std::size_t> active_;  // started, maybe done since: pruned by on_clock
    std::size_t running_ = 0;
    std::vector<std::uint8_t> datagrams_;  // kBatch x kDatagramRoom, reused by every read
};

// Leaves the job's pool socket: a late answer to its ID is then unrelated to any query.
void Lookup::end_udp(Job& job) {
    if (job.slot) pool_->release_id(*job.slot, job.id);
    job.slot.reset();
}

void Lookup::finish(Job& job, DnsOutcome outcome, std::string detail) {
    if (job.phase == Phase::done) return;
    job.answer.outcome = outcome;
    job.answer.detail = std::move(detail);
    job.answer.elapsed_ms = elapsed_ms(job.started, SteadyClock::now());
    end_udp(job);
    job.fd.reset();  // close() also removes it from the epoll set
    if (job.phase != Phase::waiting) --running_;
    job.phase = Phase::done;
}

void Lookup::start(std::size_t index) {
    Job& job = jobs_[index];
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
    ++running_;
    active_.push_back(index);
    send_query(job, index);
}

// Builds the query for job.current_name and sends it on one of the server's pool sockets.
void Lookup::send_query(Job& job, std::size_t index) {
    end_udp(job);
    std::string error;
    job.slot = pool_->slot_for(*job.server, error);
    if (!job.slot) return finish(job, DnsOutcome::network_error, error);
    job.phase = Phase::udp;
    job.id = pool_->claim_id(*job.slot, index);
    job.wire = encode_dns_query(job.current_name, job.answer.query.type, job.id);
    if (job.wire.empty()) {
        return finish(job, DnsOutcome::malformed, "not a domain name: " + job.current_name);
    }
    if (::send(pool_->fd(*job.slot), job.wire.data(), job.wire.size(), 0) < 0) {
        // ECONNREFUSED here: an ICMP port unreachable from an earlier query to this server.
        return finish(job, DnsOutcome::network_error, "send: " + errno_text(errno));
    }
    job.resends_left = options_.udp_retransmits;
    const auto remaining = job.deadline - SteadyClock::now();
    job.next_resend = SteadyClock::now() + remaining / (options_.udp_retransmits + 1);
}

// RFC 1035 4.2.2 / RFC 7766: same query over TCP with a two-byte length prefix.
void Lookup::start_tcp(Job& job, std::size_t index) {
    end_udp(job);
    job.answer.truncated_retry_over_tcp = true;
    job.fd.reset(::socket(job.server->family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!job.fd) return finish(job, DnsOutcome::network_error, "socket: " + errno_text(errno));
    const auto size = static_cast<std::uint16_t>(job.wire.size());
    job.wire.insert(job.wire.begin(),
                    {static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size & 0xff)});
    job.tcp_sent = 0;
    job.tcp_buffer.clear();
    if (::connect(job.fd.get(), job.server->get(), job.server->length) != 0 &&
        errno != EINPROGRESS) {
        return finish(job, DnsOutcome::network_error, "TCP connect: " + errno_text(errno));
    }
    job.phase = Phase::tcp_connecting;
    epoll_event event{};
    event.events = EPOLLOUT;
    event.data.u64 = index;
    if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, job.fd.get(), &event) != 0) {
        finish(job, DnsOutcome::network_error, "epoll_ctl: " + errno_text(errno));
    }
}

DnsVerdict Lookup::interpret(Job& job, const std::uint8_t* data, std::size_t size, bool tcp) {
    const DnsExchange exchange{job.current_name, job.id, tcp, options_.max_cname_hops};
    return interpret_dns_response(exchange, data, size, job.answer);
}

void Lookup::on_pool_readable(std::size_t slot) {
    std::array<mmsghdr, kBatch> headers{};
    std::array<iovec, kBatch> buffers{};
    // Bounded: a flood of junk on one socket cannot starve the others.
    for (int round = 0; round < 4; ++round) {
        for (std::size_t i = 0; i < kBatch; ++i) {
            buffers[i] = {datagrams_.data() + i * kDatagramRoom, kDatagramRoom};
            headers[i] = {};
            headers[i].msg_hdr.msg_iov = &buffers[i];
            headers[i].msg_hdr.msg_iovlen = 1;
        }
        const int received = ::recvmmsg(pool_->fd(slot), headers.data(), kBatch, 0, nullptr);
        if (received < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
            // ECONNREFUSED: ICMP port unreachable from the server every query here went to.
            const std::string why = "UDP: " + errno_text(errno);
            for (std::size_t job : pool_->owners(slot)) {
                finish(jobs_[job], DnsOutcome::network_error, why);
            }
            return;
        }
        for (int i = 0; i < received; ++i) {
            on_datagram(slot, datagrams_.data() + static_cast<std::size_t>(i) * kDatagramRoom,
                        headers[static_cast<std::size_t>(i)].msg_len);
        }
        if (received < static_cast<int>(kBatch)) return;
    }
}

// Hands a datagram to the query whose ID it carries. One that names no query on this socket
// is dropped, unless it is not DNS at all: then every query waiting on the socket (all to the
// same server) remembers that garbage arrived, as it would have on a socket of its own.
void Lookup::on_datagram(std::size_t slot, const std::uint8_t* data, std::size_t size) {
    const std::optional<std::size_t> owner =
        size >= 2 ? pool_->owner(slot, static_cast<std::uint16_t>((data[0] << 8) | data[1]))
                  : std::nullopt;
    if (!owner) {
        DnsAnswer scratch;
        const DnsVerdict verdict = interpret_dns_response(DnsExchange{}, data, size, scratch);
        if (verdict == DnsVerdict::unparsable) {
            for (std::size_t job : pool_->owners(slot)) jobs_[job].saw_garbage = true;
        }
        return;
    }
    Job& job = jobs_[*owner];
    const DnsVerdict verdict = interpret(job, data, size, false);
    if (verdict == DnsVerdict::unparsable) {
        job.saw_garbage = true;
    } else if (verdict == DnsVerdict::truncated) {
        start_tcp(job, *owner);
    } else if (verdict != DnsVerdict::unrelated) {  // unrelated: spoofed or stale, keep waiting
        on_response(job, *owner, verdict);
    }
}

void Lookup::on_tcp_event(Job& job, std::size_t index, std::uint32_t events) {
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
            epoll_event event{};
            event.events = EPOLLIN | EPOLLRDHUP;
            event.data.u64 = index;
            if (::epoll_ctl(epoll_.get(), EPOLL_CTL_MOD, job.fd.get(), &event) != 0) {
                finish(job, DnsOutcome::network_error, "epoll_ctl: " + errno_text(errno));
            }
        }
        return;
    }
    if (job.phase != Phase::tcp_reading) return;
    std::array<std::uint8_t, 16384> buffer;
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

void Lookup::on_response(Job& job, std::size_t index, DnsVerdict verdict) {
    if (verdict == DnsVerdict::follow) {
        // Ask for the chain's last name, within the same deadline.
        job.current_name = job.answer.cname_chain.back();
        send_query(job, index);
        return;
    }
    finish(job, job.answer.outcome, job.answer.detail);
}

SteadyClock::time_point Lookup::next_wake(SteadyClock::time_point now) const {
    auto wake = now + std::chrono::seconds(1);
    for (const std::size_t index : active_) {
        const Job& job = jobs_[index];
        if (job.phase == Phase::done) continue;
        wake = std::min(wake, job.deadline);
        if (job.phase == Phase::udp && job.resends_left > 0) wake = std::min(wake, job.next_resend);
    }
    return wake;
}

// Deadlines and UDP resends of the running jobs; drops finished jobs from active_.
void Lookup::on_clock(SteadyClock::time_point now) {
    std::size_t kept = 0;
    for (const std::size_t index : active_) {
        Job& job = jobs_[index];
        if (job.phase != Phase::done && now >= job.deadline) {
            if (job.saw_garbage) {
                finish(job, DnsOutcome::malformed, "only unparsable answers arrived");
            } else {
                finish(job, DnsOutcome::timeout,
                       "no answer within " + std::to_string(options_.timeout.count()) + " ms");
            }
        } else if (job.phase == Phase::udp && job.resends_left > 0 && now >= job.next_resend) {
            // Same ID and socket: a late answer to the first send still matches.
            --job.resends_left;
            ::send(pool_->fd(*job.slot), job.wire.data(), job.wire.size(), 0);
            job.next_resend = now + (job.deadline - now) / (job.resends_left + 1);
        }
        if (job.phase != Phase::done) active_[kept++] = index;
    }
    active_.resize(kept);
}

std::vector<DnsAnswer> Lookup::run(const std::vector<DnsQuery>& queries) {
    jobs_.resize(queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i) jobs_[i].answer.query = queries[i];
    epoll_.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!epoll_) {
        const std::string why = "epoll_create1: " + errno_text(errno);
        for (auto& job : jobs_) finish(job, DnsOutcome::network_error, why);
    } else {
        pool_.emplace(epoll_.get(), kPoolSocket);
        datagrams_.resize(kBatch * kDatagramRoom);
    }
    const std::size_t limit = std::clamp<std::size_t>(options_.max_in_flight, 1, kMaxInFlight);
    // Pool sockets (a few per server) and the TCP retries' connections.
    raise_open_file_limit(open_file_count() + limit + 64);
    std::size_t next = epoll_ ? 0 : jobs_.size();
    std::array<epoll_event, 64> events{};
    // Terminates: every started job ends by its deadline at the latest, and jobs start only
    // while fewer than `limit` run, so the loop runs at most ~(n / limit + 1) timeouts.
    while (true) {
        while (running_ < limit && next < jobs_.size()) start(next++);
        if (running_ == 0 && next == jobs_.size()) break;
        auto now = SteadyClock::now();
        const int ready = ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()),
                                       wait_ms_until(next_wake(now), now, 1000));
        for (int i = 0; i < ready; ++i) {
            const std::uint64_t data = events[i].data.u64;
            if ((data & kPoolSocket) != 0) {
                on_pool_readable(static_cast<std::size_t>(data & ~kPoolSocket));
            } else if (data < jobs_.size() && jobs_[data].phase != Phase::done) {
                on_tcp_event(jobs_[data], static_cast<std::size_t>(data), events[i].events);
            }
        }
        on_clock(SteadyClock::now());
    }
    pool_.reset();
    epoll_.reset();
    std::vector<DnsAnswer> answers;
    answers.reserve(jobs_.size());
    for (auto& job : jobs_) answers.push_back(std::move(job.answer));
    return answers;
}

class LdnsResolver final : public Resolver {
  public:
    explicit LdnsResolver(ResolverOptions options) : options_(options) {}
    std::vector<DnsAnswer> resolve(const std::vector<DnsQuery>& queries) override {
        return Lookup(options_).run(queries);
    }

  private:
    const ResolverOptions options_;
};

}  // namespace

std::unique_ptr<Resolver> make_ldns_resolver(ResolverOptions options) {
    return std::make_unique<LdnsResolver>(options);
}

}  // namespace edgeplan::checks::probes
