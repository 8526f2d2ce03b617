#pragma once
// Small socket helpers shared by the probe backends (internal to checks/probes; POSIX only).
#include <sys/socket.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace edgeplan::checks::probes {

// Owns one file descriptor; closes it once.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    ~UniqueFd() { reset(); }
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    int release();
    void reset(int fd = -1);

  private:
    int fd_ = -1;
};

struct SocketAddress {
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family() const { return storage.ss_family; }
    const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};

// A literal IPv4/IPv6 address and a port; nullopt when the text is not a literal address.
std::optional<SocketAddress> make_socket_address(const std::string& address, std::uint16_t port);

// "ADDR", "ADDR:PORT", "[V6]", "[V6]:PORT" or a bare IPv6 literal; nullopt when malformed.
std::optional<SocketAddress> parse_endpoint(const std::string& text, std::uint16_t default_port);

// "ADDR:PORT" for IPv4, "[ADDR]:PORT" for IPv6.
std::string format_endpoint(const sockaddr* address);
// The address alone, canonical (inet_ntop).
std::string format_ip(const sockaddr* address);

bool set_nonblocking(int fd);
bool same_endpoint(const SocketAddress& a, const SocketAddress& b);

using SteadyClock = std::chrono::steady_clock;
std::int64_t elapsed_ms(SteadyClock::time_point since, SteadyClock::time_point now);
// epoll_wait timeout in ms until the deadline, clamped to [0, cap_ms].
int wait_ms_until(SteadyClock::time_point deadline, SteadyClock::time_point now, int cap_ms);

// Raises the soft RLIMIT_NOFILE towards `wanted` (never above the hard limit) and returns the
// soft limit now in force.
std::uint64_t raise_open_file_limit(std::uint64_t wanted);
// Descriptors already open by this process (from /proc/self/fd; a guess of 64 if unreadable).
std::uint64_t open_file_count();

std::string errno_text(int error);

}  // namespace edgeplan::checks::probes
