#pragma once
// Small socket helpers shared by the token-echo responder and prober: numeric addresses, an
// owning descriptor, and the descriptor limit (20,000 sockets need more than the usual 1,024).
#include <sys/socket.h>

#include <cstddef>
#include <optional>
#include <string>

namespace edgeplan::checks::probes {

// An IPv4 or IPv6 socket address from a numeric literal; never resolves names.
struct SocketAddress {
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family() const { return storage.ss_family; }
    const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};
std::optional<SocketAddress> parse_socket_address(const std::string& ip, int port);
// The address part in canonical text ("127.0.0.1", "::1") and the port.
std::string address_text(const sockaddr_storage& address);
int address_port(const sockaddr_storage& address);
// The raw address bytes (4 or 16) as a map key for per-source accounting.
std::string address_key(const sockaddr_storage& address);

// Owns one descriptor; closes it on destruction.
class Descriptor {
  public:
    Descriptor() = default;
    explicit Descriptor(int fd) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    Descriptor(Descriptor&& other) noexcept : fd_(other.release()) {}
    Descriptor& operator=(Descriptor&& other) noexcept;
    ~Descriptor() { reset(); }
    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release();
    void reset(int fd = -1);

  private:
    int fd_ = -1;
};

// Raises the soft RLIMIT_NOFILE to at least `wanted` descriptors (and the hard limit too when
// the process may); returns the soft limit in force afterwards.
std::size_t raise_descriptor_limit(std::size_t wanted);

}  // namespace edgeplan::checks::probes
