// Many TLS handshakes at once on one thread (tls_prober.h, make_epoll_tls_prober): non-blocking
// connects and handshakes driven by one epoll set, like the TCP sweep (epoll_port_prober.cpp),
// over two SSL_CTX built once per prober (modern: TLS 1.2+; legacy: TLS 1.0/1.1 only). The
// observations are the blocking prober's (openssl_tls_prober.cpp over tls_client_openssl.cpp):
// same chain capture (every certificate accepted, kept as presented), same ServerHello and
// CertificateRequest watch, same error texts, same deadlines (connect, handshake and the
// client-certificate rejection wait each get their own), so the rules judge both alike.
// A probe that asks for SIP OPTIONS needs a conversation after the handshake: those go to the
// blocking prober, one after another (the `check` command's few Access Edge endpoints).
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/epoll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <deque>
#include <stdexcept>

#include "checks/probes/stream_socket.h"
#include "checks/probes/tls_client.h"
#include "checks/probes/tls_openssl_handshake.h"
#include "checks/probes/tls_prober.h"

namespace edgeplan::checks::probes {
namespace {

int connection_index() {
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

struct SslFree {
    void operator()(SSL* ssl) const { SSL_free(ssl); }
};
struct SslCtxFree {
    void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
using SslPtr = std::unique_ptr<SSL, SslFree>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, SslCtxFree>;

// queued: connected, waiting for a handshake slot (kMaxHandshakesInFlight).
enum class Stage { idle, connecting, queued, handshaking, awaiting_rejection, done };

// Handshakes under way at once, however many connections are. A session that has sent its
// ClientHello holds about 38 KB (OpenSSL's read buffer and handshake state) until the server
// answers; with 2,000 partners on two cores the server answers far slower than connects
// complete, and every waiting session would hold its share (peak RSS 145 MB at 2,000 partners,
// docs/performance.md). Connected sockets cost only a descriptor while they wait their turn, and
// this many handshakes keep both the CPU and a long round trip busy.
constexpr std::size_t kMaxHandshakesInFlight = 256;

// One probe: the modern attempt, then (when asked and the first did not time out) the legacy
// one on a second connection, reusing the same slot.
struct Connection {
    TlsObservation observation;
    Stage stage = Stage::idle;
    bool legacy = false;      // the current attempt offers only TLS 1.0/1.1
    bool holds_slot = false;  // counted in handshaking_
    UniqueFd fd;
    SslPtr ssl;
    SteadyClock::time_point started;
    SteadyClock::time_point deadline;
    // What the callbacks saw during the current handshake (tls_client_openssl.cpp's TlsHandshake).
    std::vector<DerBlob> chain;
    HandshakeMessages seen;

    void reset_attempt() {
        ssl.reset();
        fd.reset();
        chain.clear();
        seen = {};
    }
};

Connection* connection_of(SSL* ssl) {
    return static_cast<Connection*>(SSL_get_ex_data(ssl, connection_index()));
}

// Records the chain exactly as the server presented it and accepts it: the rules judge it.
int keep_chain(X509_STORE_CTX* store, void*) {
    auto* ssl =
        static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    Connection* self = ssl ? connection_of(ssl) : nullptr;
    if (self) self->chain = presented_chain(store);
    return 1;
}

// Sees handshake messages (decrypted, also in TLS 1.3) and alerts.
void watch(int write_p, int, int content_type, const void* buf, size_t len, SSL* ssl, void*) {
    Connection* self = connection_of(ssl);
    if (self != nullptr) note_server_message(self->seen, write_p, content_type, buf, len);
}

SslCtxPtr make_context(const TlsProberOptions& options, bool legacy) {
    SslCtxPtr ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx) throw std::runtime_error("SSL_CTX_new: " + error_queue_text());
    SSL_CTX_set_cert_verify_callback(ctx.get(), &keep_chain, nullptr);
    SSL_CTX_set_msg_callback(ctx.get(), &watch);
    configure_client_context(ctx.get(), legacy, options.client_cert_file, options.client_key_file);
    // Thousands of sessions wait at once: read and write buffers only while bytes move (peak
    // RSS, docs/performance.md), and no session tickets (every endpoint is met once per run).
    SSL_CTX_set_mode(ctx.get(), SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_session_cache_mode(ctx.get(), SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(ctx.get(), SSL_OP_NO_TICKET);
    return ctx;
}

// The result of one SSL call that did not succeed: wait for `events`, or stop with `failure`.
struct Step {
    std::uint32_t events = 0;  // EPOLLIN or EPOLLOUT when the call wants the socket
    IoResult failure;
};

// tls_client_openssl.cpp's TlsClient::Impl::wait, without the waiting.
Step classify(const Connection& c, int code) {
    const int error = SSL_get_error(c.ssl.get(), code);
    if (error == SSL_ERROR_WANT_READ) return {EPOLLIN, {}};
    if (error == SSL_ERROR_WANT_WRITE) return {EPOLLOUT, {}};
    return {0, handshake_failure(error, c.seen.last_alert)};
}

// One probe() call: its own epoll set, so concurrent calls never share events.
class HandshakeSweep {
  public:
    HandshakeSweep(const TlsProberOptions& options, std::size_t max_in_flight, SSL_CTX* modern,
                   SSL_CTX* legacy)
        : options_(options), max_in_flight_(max_in_flight), modern_(modern), legacy_(legacy) {}

    std::vector<TlsObservation> run(const std::vector<TlsProbe>& probes);

  private:
    void start(std::size_t index, bool legacy);
    void on_event(std::size_t index);
    void on_connected(std::size_t index);
    void begin_handshake(std::size_t index);
    void drive_handshake(std::size_t index);
    void handshake_ended(std::size_t index, bool ok, const IoResult& failure);
    void drive_rejection_wait(std::size_t index);
    void end_attempt(std::size_t index, bool timed_out);
    void expire(SteadyClock::time_point now);
    void want(Connection& c, std::size_t index, std::uint32_t events);
    void set_deadline(Connection& c, SteadyClock::time_point deadline);

    const TlsProberOptions& options_;
    std::size_t max_in_flight_;
    SSL_CTX* modern_;
    SSL_CTX* legacy_;
    std::vector<Connection> connections_;
    UniqueFd epoll_;
    std::size_t running_ = 0;
    std::size_t handshaking_ = 0;
    std::deque<std::size_t> queued_;  // connected, in connect order
    SteadyClock::time_point next_expiry_ = SteadyClock::time_point::max();
};

void HandshakeSweep::set_deadline(Connection& c, SteadyClock::time_point deadline) {
    c.deadline = deadline;
    next_expiry_ = std::min(next_expiry_, deadline);
}

void HandshakeSweep::want(Connection& c, std::size_t index, std::uint32_t events) {
    epoll_event event{};
    event.events = events;
    event.data.u64 = index;
    if (::epoll_ctl(epoll_.get(), EPOLL_CTL_MOD, c.fd.get(), &event) != 0) {
        handshake_ended(index, false, {IoStatus::error, "epoll_ctl: " + errno_text(errno)});
    }
}

void HandshakeSweep::start(std::size_t index, bool legacy) {
    Connection& c = connections_[index];
    c.reset_attempt();
    c.legacy = legacy;
    if (!legacy) {
        c.started = SteadyClock::now();
        ++running_;
    }
    c.stage = Stage::connecting;
    const TlsProbe& p = c.observation.probe;
    // The same failures and texts as connect_stream (stream_socket.cpp).
    auto fail = [&](const std::string& detail) {
        if (!legacy) c.observation.error = detail;
        end_attempt(index, false);
    };
    const auto target = make_socket_address(p.address, p.port);
    if (!target) return fail("not a literal IP address: " + p.address);
    c.fd.reset(::socket(target->family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!c.fd) return fail("socket: " + errno_text(errno));
    if (::connect(c.fd.get(), target->get(), target->length) != 0 && errno != EINPROGRESS) {
        return fail("connect: " + errno_text(errno));
    }
    epoll_event event{};
    event.events = EPOLLOUT;
    event.data.u64 = index;
    if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, c.fd.get(), &event) != 0) {
        return fail("epoll_ctl: " + errno_text(errno));
    }
    set_deadline(c, SteadyClock::now() + options_.timeout);
}

void HandshakeSweep::on_event(std::size_t index) {
    switch (connections_[index].stage) {
        case Stage::connecting:
            return on_connected(index);
        case Stage::handshaking:
            return drive_handshake(index);
        case Stage::awaiting_rejection:
            return drive_rejection_wait(index);
        default:
            return;
    }
}

void HandshakeSweep::on_connected(std::size_t index) {
    Connection& c = connections_[index];
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(c.fd.get(), SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0) {
        if (!c.legacy) c.observation.error = "connect: " + errno_text(error);
        return end_attempt(index, false);
    }
    if (!c.legacy) c.observation.connected = true;
    // Out of the epoll set while queued: a peer's reset would otherwise wake the loop forever.
    ::epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, c.fd.get(), nullptr);
    c.stage = Stage::queued;
    c.deadline = SteadyClock::time_point::max();  // waiting for us, not for the server
    queued_.push_back(index);
}

// The run loop calls this while slots are free: never recursively from a handshake's end.
void HandshakeSweep::begin_handshake(std::size_t index) {
    Connection& c = connections_[index];
    c.holds_slot = true;
    ++handshaking_;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = index;
    if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, c.fd.get(), &event) != 0) {
        return handshake_ended(index, false, {IoStatus::error, "epoll_ctl: " + errno_text(errno)});
    }
    c.ssl.reset(SSL_new(c.legacy ? legacy_ : modern_));
    if (!c.ssl) {
        return handshake_ended(index, false, {IoStatus::error, "SSL_new: " + error_queue_text()});
    }
    SSL_set_ex_data(c.ssl.get(), connection_index(), &c);
    SSL_set_fd(c.ssl.get(), c.fd.get());
    const std::string& sni = c.observation.probe.sni;
    if (!sni.empty()) SSL_set_tlsext_host_name(c.ssl.get(), sni.c_str());
    c.stage = Stage::handshaking;
    set_deadline(c, SteadyClock::now() + options_.timeout);
    drive_handshake(index);
}

void HandshakeSweep::drive_handshake(std::size_t index) {
    Connection& c = connections_[index];
    ERR_clear_error();
    const int code = SSL_connect(c.ssl.get());
    if (code == 1) return handshake_ended(index, true, {});
    const Step step = classify(c, code);
    if (step.events != 0) return want(c, index, step.events);
    handshake_ended(index, false, step.failure);
}

// The modern attempt's fields as openssl_tls_prober.cpp's session() sets them; the legacy
// attempt's as its legacy().
void HandshakeSweep::handshake_ended(std::size_t index, bool ok, const IoResult& failure) {
    Connection& c = connections_[index];
    std::string protocol;
    std::string cipher;
    if (c.seen.server_hello_seen && c.ssl) {
        protocol = SSL_get_version(c.ssl.get());
        if (const SSL_CIPHER* chosen = SSL_get_current_cipher(c.ssl.get())) {
            cipher = SSL_CIPHER_get_name(chosen);
        }
    }
    ERR_clear_error();
    if (c.legacy) {
        // A ServerHello with a legacy version means the server took it, even if the handshake
        // later fails on the missing client certificate.
        const bool accepted =
            c.seen.server_hello_seen && (protocol == "TLSv1" || protocol == "TLSv1.1");
        c.observation.legacy_tls_accepted = accepted;
        if (accepted) c.observation.legacy_protocol = protocol;
        return end_attempt(index, false);
    }
    TlsObservation& o = c.observation;
    o.handshake_ok = ok;
    o.error =
        ok ? std::string() : (failure.detail.empty() ? "handshake did not end" : failure.detail);
    o.protocol = protocol;
    o.cipher = cipher;
    o.peer_chain = c.chain;
    o.client_cert_requested = c.seen.client_cert_requested;
    o.client_cert_presented =
        c.seen.client_cert_requested && c.ssl && SSL_get_certificate(c.ssl.get()) != nullptr;
    const bool without_cert = o.client_cert_requested && !o.client_cert_presented;
    if (!ok) {
        // TLS 1.2: the server's refusal ends the handshake itself.
        o.client_cert_required_failure = without_cert;
        return end_attempt(index, failure.status == IoStatus::timeout);
    }
    if (!without_cert) return end_attempt(index, false);
    // TLS 1.3: the refusal (certificate_required) follows the handshake; wait briefly.
    c.stage = Stage::awaiting_rejection;
    set_deadline(c, SteadyClock::now() + options_.rejection_wait);
    drive_rejection_wait(index);
}

void HandshakeSweep::drive_rejection_wait(std::size_t index) {
    Connection& c = connections_[index];
    char buffer[4096];
    ERR_clear_error();
    const int code = SSL_read(c.ssl.get(), buffer, sizeof buffer);
    if (code > 0) return end_attempt(index, false);  // data, not a refusal
    const Step step = classify(c, code);
    if (step.events != 0) return want(c, index, step.events);
    if (rejects_client_certificate(c.seen.last_alert)) {
        c.observation.handshake_ok = false;
        c.observation.client_cert_required_failure = true;
        c.observation.error = step.failure.detail;
    }
    end_attempt(index, false);
}

// After the modern attempt: the legacy one when asked, unless the server let the modern
// handshake time out (it would let the legacy one time out too: one silent or dripping endpoint
// costs one timeout, not two).
void HandshakeSweep::end_attempt(std::size_t index, bool timed_out) {
    Connection& c = connections_[index];
    if (c.holds_slot) --handshaking_;
    c.holds_slot = false;
    c.reset_attempt();  // closing the descriptor also takes it out of the epoll set
    if (!c.legacy && c.observation.probe.check_legacy_tls && c.observation.connected &&
        !timed_out) {
        return start(index, true);
    }
    c.stage = Stage::done;
    c.observation.elapsed_ms = elapsed_ms(c.started, SteadyClock::now());
    --running_;
}

void HandshakeSweep::expire(SteadyClock::time_point now) {
    next_expiry_ = SteadyClock::time_point::max();
    for (std::size_t i = 0; i < connections_.size(); ++i) {
        Connection& c = connections_[i];
        if (c.stage == Stage::idle || c.stage == Stage::done || c.stage == Stage::queued) continue;
        if (now < c.deadline) {
            next_expiry_ = std::min(next_expiry_, c.deadline);
            continue;
        }
        switch (c.stage) {
            case Stage::connecting:
                if (!c.legacy) c.observation.error = "connect timed out";
                end_attempt(i, false);
                break;
            case Stage::handshaking:
                handshake_ended(i, false, {IoStatus::timeout, "timed out"});
                break;
            default:  // no refusal within the wait: the session stands
                end_attempt(i, false);
                break;
        }
        // A legacy attempt that just started set its own deadline.
        if (c.stage != Stage::done && c.stage != Stage::idle) {
            next_expiry_ = std::min(next_expiry_, c.deadline);
        }
    }
}

std::vector<TlsObservation> HandshakeSweep::run(const std::vector<TlsProbe>& probes) {
    connections_.resize(probes.size());
    for (std::size_t i = 0; i < probes.size(); ++i) connections_[i].observation.probe = probes[i];
    epoll_.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!epoll_) throw std::runtime_error("epoll_create1: " + errno_text(errno));
    // Headroom for the descriptors the rest of the process keeps open.
    const std::uint64_t reserve = open_file_count() + 32;
    const std::uint64_t allowed = raise_open_file_limit(reserve + probes.size());
    const std::size_t limit = std::max<std::size_t>(
        1, std::min<std::uint64_t>(max_in_flight_, allowed > reserve ? allowed - reserve : 1));
    std::size_t next = 0;
    std::array<epoll_event, 256> events{};
    // Bounded: every stage of every attempt ends by its own deadline; at most `limit` run.
    while (next < connections_.size() || running_ > 0) {
        while (running_ < limit && next < connections_.size()) start(next++, false);
        while (handshaking_ < kMaxHandshakesInFlight && !queued_.empty()) {
            const std::size_t index = queued_.front();
            queued_.pop_front();
            begin_handshake(index);
        }
        if (running_ == 0) continue;
        auto now = SteadyClock::now();
        const auto wake = std::min(now + std::chrono::seconds(1), next_expiry_);
        const int ready = ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()),
                                       wait_ms_until(wake, now, 1000));
        for (int i = 0; i < ready; ++i) {
            const auto index = static_cast<std::size_t>(events[i].data.u64);
            if (index < connections_.size()) on_event(index);
        }
        now = SteadyClock::now();
        if (now >= next_expiry_) expire(now);
    }
    epoll_.reset();
    std::vector<TlsObservation> observations;
    observations.reserve(connections_.size());
    for (auto& c : connections_) observations.push_back(std::move(c.observation));
    return observations;
}

class EpollTlsProber final : public TlsProber {
  public:
    EpollTlsProber(TlsProberOptions options, std::size_t max_in_flight)
        : options_(std::move(options)),
          max_in_flight_(max_in_flight),
          modern_(make_context(options_, false)),
          legacy_(make_context(options_, true)),
          conversations_(make_openssl_tls_prober(options_)) {}

    std::vector<TlsObservation> probe(const std::vector<TlsProbe>& probes) override {
        std::vector<TlsProbe> handshakes;
        for (const TlsProbe& p : probes) {
            if (!p.send_sip_options) handshakes.push_back(p);
        }
        std::vector<TlsObservation> swept =
            HandshakeSweep(options_, max_in_flight_, modern_.get(), legacy_.get()).run(handshakes);
        std::vector<TlsObservation> out;
        out.reserve(probes.size());
        std::size_t next = 0;
        for (const TlsProbe& p : probes) {
            if (p.send_sip_options) {
                out.push_back(std::move(conversations_->probe({p}).front()));
            } else {
                out.push_back(std::move(swept[next++]));
            }
        }
        return out;
    }

  private:
    TlsProberOptions options_;
    std::size_t max_in_flight_;
    SslCtxPtr modern_;
    SslCtxPtr legacy_;
    std::unique_ptr<TlsProber> conversations_;
};

}  // namespace

std::unique_ptr<TlsProber> make_epoll_tls_prober(TlsProberOptions options,
                                                 std::size_t max_in_flight) {
    // A peer that closes mid-handshake would raise SIGPIPE from OpenSSL's write(2) and end the
    // whole run. A closed peer is evidence, so the signal is ignored.
    std::signal(SIGPIPE, SIG_IGN);
    return std::make_unique<EpollTlsProber>(std::move(options), max_in_flight);
}

}  // namespace edgeplan::checks::probes
