#pragma once
// Hostile peers for the probe tests: a UDP and a TCP server on one 127.0.0.x address and port,
// each running a handler the test writes, in a thread that stops (bounded) when the peer is
// destroyed. Loopback only (COMMON.md: network).
#include <poll.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "tests/probes/test_support.h"

namespace edgeplan::hostile_test {

using Bytes = std::vector<std::uint8_t>;
using Clock = std::chrono::steady_clock;

// Longest any peer thread lives, whatever the test does.
constexpr auto kPeerLifetime = std::chrono::seconds(30);

// Sends `bytes` from `fd` to `to`.
inline void send_to(int fd, const Bytes& bytes, const sockaddr_in& to) {
    ::sendto(fd, bytes.data(), bytes.size(), 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
}

// Both sockets are bound before the constructor returns; `udp` answers each datagram, `tcp`
// (if given) handles each accepted connection in turn. `stopping()` tells a slow handler to end.
class HostilePeer {
  public:
    using UdpHandler = std::function<void(int fd, const sockaddr_in& from, const Bytes& request)>;
    using TcpHandler = std::function<void(int fd, const HostilePeer& peer)>;

    HostilePeer(const std::string& address, UdpHandler udp, TcpHandler tcp = {})
        : address_(address) {
        port_ = probes_test::free_port(address, true);
        udp_fd_ = bind_socket(SOCK_DGRAM);
        if (tcp) {
            tcp_fd_ = bind_socket(SOCK_STREAM);
            if (tcp_fd_ >= 0 && ::listen(tcp_fd_, 4) != 0) port_ = 0;
        }
        if (udp_fd_ < 0 || (tcp && tcp_fd_ < 0)) port_ = 0;
        if (port_ == 0) return;
        udp_thread_ = std::thread([this, udp] { serve_udp(udp); });
        if (tcp) tcp_thread_ = std::thread([this, tcp] { serve_tcp(tcp); });
    }
    ~HostilePeer() {
        stop_ = true;
        if (udp_thread_.joinable()) udp_thread_.join();
        if (tcp_thread_.joinable()) tcp_thread_.join();
        if (udp_fd_ >= 0) ::close(udp_fd_);
        if (tcp_fd_ >= 0) ::close(tcp_fd_);
    }
    HostilePeer(const HostilePeer&) = delete;
    HostilePeer& operator=(const HostilePeer&) = delete;

    bool ok() const { return port_ != 0; }
    std::uint16_t port() const { return port_; }
    const std::string& address() const { return address_; }
    std::string endpoint() const { return address_ + ":" + std::to_string(port_); }
    bool stopping() const { return stop_ || Clock::now() >= end_; }

  private:
    int bind_socket(int type) {
        const int fd = ::socket(AF_INET, type, 0);
        auto where = probes_test::ipv4(address_, port_);
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&where), sizeof where) == 0) {
            return fd;
        }
        if (fd >= 0) ::close(fd);
        return -1;
    }
    void serve_udp(const UdpHandler& handler) {
        while (!stopping()) {
            pollfd p{udp_fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            std::uint8_t buffer[2048];
            sockaddr_in from{};
            socklen_t length = sizeof from;
            const auto n = ::recvfrom(udp_fd_, buffer, sizeof buffer, 0,
                                      reinterpret_cast<sockaddr*>(&from), &length);
            if (n > 0) handler(udp_fd_, from, Bytes(buffer, buffer + n));
        }
    }
    void serve_tcp(const TcpHandler& handler) {
        while (!stopping()) {
            pollfd p{tcp_fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            const int fd = ::accept(tcp_fd_, nullptr, nullptr);
            if (fd < 0) continue;
            handler(fd, *this);
            ::close(fd);
        }
    }

    std::string address_;
    std::uint16_t port_ = 0;
    int udp_fd_ = -1;
    int tcp_fd_ = -1;
    Clock::time_point end_ = Clock::now() + kPeerLifetime;
    std::atomic<bool> stop_{false};
    std::thread udp_thread_;
    std::thread tcp_thread_;
};

// Sleeps up to `duration` in small steps, returning early when the peer stops.
inline void pause(const HostilePeer& peer, std::chrono::milliseconds duration) {
    const auto end = Clock::now() + duration;
    while (!peer.stopping() && Clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace edgeplan::hostile_test
