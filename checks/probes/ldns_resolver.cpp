// Asynchronous stub resolver: ldns builds and parses the packets, epoll multiplexes many
// queries over non-blocking sockets. UDP queries share a few connected sockets per server
// (dns_udp_pool.h: random source ports, random IDs unique per socket); a response is accepted
// only when ID, QR and the question all match (RFC 5452 section 9.1). The TCP retry after TC=1
// gets a connection of its own.
//
// A query's running state lives in one of a fixed set of job slots (as many as may be in
// flight), reused from query to query with its buffers; the answers are written in place into
// the vector resolve() returns. At partner scale (tests/bench/dns_rate.sh: 50,000 queries) a
// state per query cost more in page faults and allocations than the queries themselves.
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

// `idle`: the job slot holds no query.
enum class Phase { idle, udp, tcp_connecting, tcp_writing, tcp_reading };

// One query in flight. Slots are reused; the vectors keep their capacity from query to query.
struct Job {
    std::size_t answer = 0;  // index of its query and answer in Lookup::answers_
    SocketAddress server;
    SteadyClock::time_point started;
    SteadyClock::time_point deadline;
    SteadyClock::time_point next_resend;
    int resends_left = 0;
    Phase phase = Phase::idle;
    std::optional<std::size_t> slot;  // the pool socket of the UDP query outstanding
    UniqueFd fd;                      // the TCP retry's connection
    std::uint16_t id = 0;
    std::vector<std::uint8_t> wire;     // the query as sent over UDP
    std::vector<std::uint8_t> tcp_out;  // the same with its two-byte length (RFC 7766)
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
    // Starts queries_[index] in a free job slot.
    void start(std::size_t index);
    void send_query(Job& job, std::size_t index);
    void start_tcp(Job& job, std::size_t index);
    // The name asked now: the query's name, then the CNAME target being followed.
    const std::string& asked_name(const Job& job) const;
    void on_pool_readable(std::size_t slot);
    void on_datagram(std::size_t slot, const std::uint8_t* data, std::size_t size);
    void on_tcp_event(Job& job, std::size_t index, std::uint32_t events);
    // Acts on interpret_dns_response's verdict for a matching response.
    void on_response(Job& job, std::size_t index, DnsVerdict verdict);
    DnsVerdict interpret(Job& job, const std::uint8_t* data, std::size_t size, bool tcp);
    void end_udp(Job& job);
    void finish(Job& job, DnsOutcome outcome, std::string detail = {});
    // An answer decided before its query got a job slot.
    void finish_unstarted(std::size_t index, DnsOutcome outcome, std::string detail);
    void on_clock(SteadyClock::time_point now);
    SteadyClock::time_point next_wake(SteadyClock::time_point now) const;

    const ResolverOptions& options_;
    UniqueFd epoll_;
    std::optional<DnsUdpPool> pool_;
    std::vector<DnsAnswer> answers_;  // one per query, in query order: the result
    std::vector<Job> jobs_;           // the job slots, as many as may run at once
    std::vector<std::size_t> free_;   // idle job slots
    std::size_t running_ = 0;
    // The time after the last epoll_wait: one clock read per wake-up instead of several per
    // query (starts, resends and elapsed times are a wake-up's work late at most).
    SteadyClock::time_point now_;
    // The server of the query started last, parsed once for a run of queries to the same one.
    std::string last_server_text_;
    std::optional<SocketAddress> last_server_;
    bool parsed_server_ = false;
    // kBatch x kDatagramRoom, reused by every read. Not zeroed: only the pages datagrams land
    // in are ever touched (a vector's 1 MiB of zeros cost 256 page faults per resolve()).
    std::unique_ptr<std::uint8_t[]> datagrams_;
};

// Leaves the job's pool socket: a late answer to its ID is then unrelated to any query.
void Lookup::end_udp(Job& job) {
    if (job.slot) pool_->release_id(*job.slot, job.id);
    job.slot.reset();
}

// Frees the job slot: its index may be handed to the next query at once.
void Lookup::finish(Job& job, DnsOutcome outcome, std::string detail) {
    if (job.phase == Phase::idle) return;
    DnsAnswer& answer = answers_[job.answer];
    answer.outcome = outcome;
    answer.detail = std::move(detail);
    answer.elapsed_ms = elapsed_ms(job.started, now_);
    end_udp(job);
    job.fd.reset();  // close() also removes it from the epoll set
    --running_;
    job.phase = Phase::idle;
    free_.push_back(static_cast<std::size_t>(&job - jobs_.data()));
}

void Lookup::finish_unstarted(std::size_t index, DnsOutcome outcome, std::string detail) {
    DnsAnswer& answer = answers_[index];
    answer.outcome = outcome;
    answer.detail = std::move(detail);
    answer.elapsed_ms = 0;
}

const std::string& Lookup::asked_name(const Job& job) const {
    // Only a `follow` verdict adds to the chain while the query runs, and the job then asks
    // for the chain's last name: so the chain's end is the name asked.
    const DnsAnswer& answer = answers_[job.answer];
    return answer.cname_chain.empty() ? answer.query.name : answer.cname_chain.back();
}

void Lookup::start(std::size_t index) {
    const std::string& server = answers_[index].query.server;
    if (!parsed_server_ || server != last_server_text_) {
        last_server_text_ = server;
        last_server_ = parse_endpoint(server, 53);
        parsed_server_ = true;
    }
    if (!last_server_) {
        return finish_unstarted(index, DnsOutcome::network_error,
                                "not an ADDR[:PORT] server: " + server);
    }
    const std::size_t slot = free_.back();
    free_.pop_back();
    Job& job = jobs_[slot];
    job.answer = index;
    job.server = *last_server_;
    job.started = now_;
    job.deadline = job.started + options_.timeout;
    job.saw_garbage = false;
    job.phase = Phase::udp;
    ++running_;
    send_query(job, slot);
}

// Builds the query for asked_name(job) and sends it on one of the server's pool sockets.
void Lookup::send_query(Job& job, std::size_t index) {
    end_udp(job);
    std::string error;
    job.slot = pool_->slot_for(job.server, error);
    if (!job.slot) return finish(job, DnsOutcome::network_error, error);
    job.phase = Phase::udp;
    job.id = pool_->claim_id(*job.slot, index);
    if (!encode_dns_query(asked_name(job), answers_[job.answer].query.type, job.id, job.wire)) {
        return finish(job, DnsOutcome::malformed, "not a domain name: " + asked_name(job));
    }
    if (::send(pool_->fd(*job.slot), job.wire.data(), job.wire.size(), 0) < 0) {
        // ECONNREFUSED here: an ICMP port unreachable from an earlier query to this server.
        return finish(job, DnsOutcome::network_error, "send: " + errno_text(errno));
    }
    job.resends_left = options_.udp_retransmits;
    job.next_resend = now_ + (job.deadline - now_) / (options_.udp_retransmits + 1);
}

// RFC 1035 4.2.2 / RFC 7766: same query over TCP with a two-byte length prefix.
void Lookup::start_tcp(Job& job, std::size_t index) {
    end_udp(job);
    answers_[job.answer].truncated_retry_over_tcp = true;
    job.fd.reset(::socket(job.server.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!job.fd) return finish(job, DnsOutcome::network_error, "socket: " + errno_text(errno));
    const auto size = static_cast<std::uint16_t>(job.wire.size());
    job.tcp_out.assign(
        {static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size & 0xff)});
    job.tcp_out.insert(job.tcp_out.end(), job.wire.begin(), job.wire.end());
    job.tcp_sent = 0;
    job.tcp_buffer.clear();
    if (::connect(job.fd.get(), job.server.get(), job.server.length) != 0 && errno != EINPROGRESS) {
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
    const DnsExchange exchange{asked_name(job), job.id, tcp, options_.max_cname_hops,
                               query_name(job.wire)};
    return interpret_dns_response(exchange, data, size, answers_[job.answer]);
}

void Lookup::on_pool_readable(std::size_t slot) {
    std::array<mmsghdr, kBatch> headers{};
    std::array<iovec, kBatch> buffers{};
    // Bounded: a flood of junk on one socket cannot starve the others.
    for (int round = 0; round < 4; ++round) {
        for (std::size_t i = 0; i < kBatch; ++i) {
            buffers[i] = {datagrams_.get() + i * kDatagramRoom, kDatagramRoom};
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
            on_datagram(slot, datagrams_.get() + static_cast<std::size_t>(i) * kDatagramRoom,
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
        const ssize_t sent = ::send(job.fd.get(), job.tcp_out.data() + job.tcp_sent,
                                    job.tcp_out.size() - job.tcp_sent, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
            finish(job, DnsOutcome::network_error, "TCP send: " + errno_text(errno));
            return;
        }
        job.tcp_sent += static_cast<std::size_t>(sent);
        if (job.tcp_sent == job.tcp_out.size()) {
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
        // Ask for the chain's last name (asked_name now), within the same deadline.
        send_query(job, index);
        return;
    }
    DnsAnswer& answer = answers_[job.answer];
    finish(job, answer.outcome, std::move(answer.detail));
}

SteadyClock::time_point Lookup::next_wake(SteadyClock::time_point now) const {
    auto wake = now + std::chrono::seconds(1);
    for (const Job& job : jobs_) {
        if (job.phase == Phase::idle) continue;
        wake = std::min(wake, job.deadline);
        if (job.phase == Phase::udp && job.resends_left > 0) wake = std::min(wake, job.next_resend);
    }
    return wake;
}

// Deadlines and UDP resends of the running jobs.
void Lookup::on_clock(SteadyClock::time_point now) {
    for (Job& job : jobs_) {
        if (job.phase == Phase::idle) continue;
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
            ::send(pool_->fd(*job.slot), job.wire.data(), job.wire.size(), 0);
            job.next_resend = now + (job.deadline - now) / (job.resends_left + 1);
        }
    }
}

std::vector<DnsAnswer> Lookup::run(const std::vector<DnsQuery>& queries) {
    answers_.resize(queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i) answers_[i].query = queries[i];
    const std::size_t limit = std::clamp<std::size_t>(options_.max_in_flight, 1, kMaxInFlight);
    jobs_.resize(std::min(limit, queries.size()));
    for (std::size_t slot = jobs_.size(); slot > 0; --slot) free_.push_back(slot - 1);
    epoll_.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!epoll_) {
        const std::string why = "epoll_create1: " + errno_text(errno);
        for (std::size_t i = 0; i < answers_.size(); ++i) {
            finish_unstarted(i, DnsOutcome::network_error, why);
        }
    } else {
        pool_.emplace(epoll_.get(), kPoolSocket);
        datagrams_.reset(new std::uint8_t[kBatch * kDatagramRoom]);
    }
    // Pool sockets (a few per server) and the TCP retries' connections.
    raise_open_file_limit(open_file_count() + limit + 64);
    std::size_t next = epoll_ ? 0 : answers_.size();
    std::array<epoll_event, 64> events{};
    now_ = SteadyClock::now();
    // Terminates: every started job ends by its deadline at the latest, and jobs start only
    // while fewer than `limit` run, so the loop runs at most ~(n / limit + 1) timeouts.
    while (true) {
        while (running_ < limit && next < answers_.size()) start(next++);
        if (running_ == 0 && next == answers_.size()) break;
        auto now = SteadyClock::now();
        const int ready = ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()),
                                       wait_ms_until(next_wake(now), now, 1000));
        now_ = SteadyClock::now();
        for (int i = 0; i < ready; ++i) {
            const std::uint64_t data = events[i].data.u64;
            if ((data & kPoolSocket) != 0) {
                on_pool_readable(static_cast<std::size_t>(data & ~kPoolSocket));
            } else if (data < jobs_.size() && jobs_[data].phase != Phase::idle) {
                on_tcp_event(jobs_[data], static_cast<std::size_t>(data), events[i].events);
            }
        }
        on_clock(now_);
    }
    pool_.reset();
    epoll_.reset();
    return std::move(answers_);
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
