#pragma once
// The token-echo responder behind `edgeplan listen` (docs/responder.md): binds the ports the plan
// expects on an Edge host before Lync is installed, so a probe from outside can show whether the
// firewall passes them. One thread, one epoll set, non-blocking sockets, bounded everything:
// run time, open connections, bytes read per connection, replies per source per second.
#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/probes/token_echo_sockets.h"
#include "topology/plan.h"

namespace edgeplan::checks::probes {

struct ResponderEndpoint {
    topology::Transport transport = topology::Transport::tcp;
    int port = 0;
};

enum class BindProblem { in_use, permission, no_descriptors, other };
const char* to_string(BindProblem problem);

struct BindFailure {
    ResponderEndpoint endpoint;
    BindProblem problem = BindProblem::other;
    std::string message;  // strerror text
};

struct BindReport {
    std::vector<ResponderEndpoint> bound;  // in the order given
    std::vector<BindFailure> failures;
    std::string error;  // set when the responder cannot work at all (bad address, role, epoll)
};

struct ResponderOptions {
    std::string bind_address = "0.0.0.0";
    std::string role;  // echoed in every reply (protocol: is_valid_role)
    std::chrono::milliseconds duration{std::chrono::minutes(10)};
    // Not an amplifier: at most this many replies per second to one source address ...
    int max_replies_per_second = 1000;
    // ... with at most this many source addresses remembered at once (full table: no reply to
    // a new source until an entry's second has passed).
    std::size_t max_sources = 4096;
    std::size_t max_connections = 1024;  // TCP connections open at once; more are closed
    std::chrono::milliseconds connection_timeout{5000};  // a client must send its line by then
};

struct ResponderStats {
    std::uint64_t tcp_connections = 0;
    std::uint64_t tcp_replies = 0;
    std::uint64_t udp_replies = 0;
    std::uint64_t invalid_requests = 0;  // bytes that were not a probe line: no answer
    std::uint64_t rate_limited = 0;
    std::uint64_t connections_refused = 0;  // over max_connections
    std::uint64_t connections_timed_out = 0;
    std::vector<std::uint64_t> replies_per_endpoint;  // parallel to BindReport::bound
    std::chrono::milliseconds ran_for{0};
    bool stopped = false;  // request_stop() ended the run before the duration
    std::string error;     // epoll failure that ended the run early
};

class Responder {
  public:
    explicit Responder(ResponderOptions options);
    Responder(const Responder&) = delete;
    Responder& operator=(const Responder&) = delete;
    ~Responder();

    // Binds every endpoint it can; call once, before run().
    BindReport bind(const std::vector<ResponderEndpoint>& endpoints);
    // Answers probes until the duration has passed or request_stop() is called.
    ResponderStats run();
    // Thread-safe and async-signal-safe (one write to an eventfd).
    void request_stop() const;

  private:
    struct Listener {
        Descriptor socket;
        ResponderEndpoint endpoint;
    };
    struct Connection {
        Descriptor socket;
        std::size_t listener = 0;
        std::chrono::steady_clock::time_point deadline;
        std::string received;
        sockaddr_storage peer{};
    };
    struct SourceWindow {
        std::chrono::steady_clock::time_point start;
        int replies = 0;
    };

    void on_accept(std::size_t listener);
    void on_connection(std::size_t slot);
    void on_datagram(std::size_t listener);
    void close_connection(std::size_t slot);
    void expire_connections(std::chrono::steady_clock::time_point now);
    bool reply_allowed(const sockaddr_storage& peer, std::chrono::steady_clock::time_point now);

    ResponderOptions options_;
    Descriptor epoll_;
    Descriptor stop_event_;
    std::string setup_error_;
    std::vector<Listener> listeners_;
    std::vector<Connection> connections_;  // slot = index; empty socket = free
    std::vector<std::size_t> free_slots_;
    std::size_t open_connections_ = 0;
    std::unordered_map<std::string, SourceWindow> sources_;
    ResponderStats stats_;
};

}  // namespace edgeplan::checks::probes
