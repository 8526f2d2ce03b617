#pragma once
// The resolver's UDP sockets (internal to checks/probes): a few connected sockets per server,
// shared by the queries in flight, instead of a socket per query. Creating, connecting and
// closing a socket per query cost more kernel time than the query itself (perf of
// tests/bench/dns_srv_bench: sys time 2.4x user time, most of it socket set-up and teardown).
//
// Spoofing resistance stays as RFC 5452 section 9.1 asks: each socket has its own random
// ephemeral port, each query a random ID unique on its socket, and a response must still match
// ID, QR and question (interpret_dns_response) before it counts.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {

// Unpredictable 16-bit query IDs from getrandom(2), fetched in blocks so a query costs no
// system call for its ID.
class RandomIds {
  public:
    std::uint16_t next();

  private:
    std::vector<std::uint16_t> block_;
    std::size_t used_ = 0;
};

class DnsUdpPool {
  public:
    // Sockets per server: spreads the queries over this many source ports.
    static constexpr std::size_t kSocketsPerServer = 16;

    // Sockets are added to `epoll_fd` for EPOLLIN with event data `tag | slot`.
    DnsUdpPool(int epoll_fd, std::uint64_t tag) : epoll_fd_(epoll_fd), tag_(tag) {}

    // The socket slot for the next query to `server` (round robin over its sockets, each made
    // on first use); nullopt with `error` set when a socket cannot be made.
    std::optional<std::size_t> slot_for(const SocketAddress& server, std::string& error);
    int fd(std::size_t slot) const { return slots_[slot].fd.get(); }

    // A random ID not in use on `slot`, now owned by `job`.
    std::uint16_t claim_id(std::size_t slot, std::size_t job);
    void release_id(std::size_t slot, std::uint16_t id);
    // The job that owns `id` on `slot`, if any.
    std::optional<std::size_t> owner(std::size_t slot, std::uint16_t id) const;
    // Every job with a query outstanding on `slot`.
    std::vector<std::size_t> owners(std::size_t slot) const;

  private:
    struct Slot {
        UniqueFd fd;
        std::unordered_map<std::uint16_t, std::size_t> jobs_by_id;
    };
    struct Server {
        std::vector<std::size_t> slots;
        std::size_t next = 0;
    };

    int epoll_fd_;
    std::uint64_t tag_;
    RandomIds ids_;
    std::vector<Slot> slots_;
    std::map<std::string, Server> servers_;  // key: the server's sockaddr bytes
    std::string last_key_;                   // the key of the server asked last
    Server* last_server_ = nullptr;          // its entry (map nodes do not move)
};

}  // namespace edgeplan::checks::probes
