#pragma once
// Plain TCP for the TLS and XMPP probes (internal to checks/probes): a non-blocking connect and
// bounded reads and writes, each operation with its own deadline, waiting with poll().
#include <cstddef>
#include <cstdint>
#include <string>

#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {

enum class IoStatus { ok, timeout, closed, error };

struct IoResult {
    IoStatus status = IoStatus::ok;
    std::string detail;  // errno text, or the TLS alert for TLS streams
};

// Connects to a literal address; the descriptor stays non-blocking. On failure the descriptor
// is empty and `detail` says why (refused, timeout, unreachable).
UniqueFd connect_stream(const std::string& address, std::uint16_t port,
                        SteadyClock::time_point deadline, IoResult& result);

// Waits until `fd` is readable (events = POLLIN) or writable (POLLOUT) or the deadline passes.
IoStatus wait_for(int fd, short events, SteadyClock::time_point deadline);

IoResult send_all(int fd, const std::string& data, SteadyClock::time_point deadline);

// Appends what arrives (at most `max_bytes` in one call) to `buffer`; ok when something came.
IoResult receive_some(int fd, std::string& buffer, std::size_t max_bytes,
                      SteadyClock::time_point deadline);

// The local "ADDR:PORT" of a connected socket (for the SIP Via header).
std::string local_endpoint(int fd);

}  // namespace edgeplan::checks::probes
