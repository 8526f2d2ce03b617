#pragma once
// A hostile TCP server for the TLS and XMPP probe tests: listens on one 127.0.0.x address and
// runs a handler the test writes for each accepted connection, each in its own thread (the
// prober opens several connections to one port: the port probe, the handshake, the legacy
// handshake). Everything is bounded: at most kMaxConnections handlers, each told to stop by
// `stopping()` when the peer is destroyed or kPeerLifetime has passed. Loopback only
// (COMMON.md: network).
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "tests/hostile/hostile_peer.h"  // Bytes, Clock, kPeerLifetime

namespace edgeplan::hostile_test {

class StreamPeer {
  public:
    using Handler = std::function<void(int fd, const StreamPeer& peer)>;
    static constexpr int kMaxConnections = 16;

    // Port 0: a free port picked by the kernel.
    StreamPeer(const std::string& address, std::uint16_t port, Handler handler)
        : address_(address), handler_(std::move(handler)) {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int on = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        auto where = probes_test::ipv4(address, port);
        socklen_t length = sizeof where;
        if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&where), length) != 0 ||
            ::listen(listener_, 16) != 0 ||
            ::getsockname(listener_, reinterpret_cast<sockaddr*>(&where), &length) != 0) {
            return;
        }
        port_ = ntohs(where.sin_port);
        accept_thread_ = std::thread([this] { serve(); });
    }
    ~StreamPeer() {
        stop_ = true;
        if (accept_thread_.joinable()) accept_thread_.join();
        for (auto& t : handlers_) t.join();
        if (listener_ >= 0) ::close(listener_);
    }
    StreamPeer(const StreamPeer&) = delete;
    StreamPeer& operator=(const StreamPeer&) = delete;

    bool ok() const { return port_ != 0; }
    std::uint16_t port() const { return port_; }
    const std::string& address() const { return address_; }
    bool stopping() const { return stop_ || Clock::now() >= end_; }
    int accepted() const { return accepted_; }

  private:
    void serve() {
        while (!stopping() && accepted_ < kMaxConnections) {
            pollfd p{listener_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            ++accepted_;
            handlers_.emplace_back([this, fd] {
                handler_(fd, *this);
                ::close(fd);
            });
        }
    }

    std::string address_;
    Handler handler_;
    std::uint16_t port_ = 0;
    int listener_ = -1;
    Clock::time_point end_ = Clock::now() + kPeerLifetime;
    std::atomic<bool> stop_{false};
    std::atomic<int> accepted_{0};
    std::vector<std::thread> handlers_;  // touched by the accept thread only, joined after it
    std::thread accept_thread_;
};

// Reads what arrives within `limit` (or until the peer stops or the client closes), appending
// to `got` until it holds `want` bytes; false when the client closed first.
inline bool read_bytes(int fd, const StreamPeer& peer, std::string& got, std::size_t want,
                       std::chrono::milliseconds limit = std::chrono::seconds(3)) {
    const auto end = Clock::now() + limit;
    char buffer[4096];
    while (got.size() < want && !peer.stopping() && Clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        got.append(buffer, static_cast<std::size_t>(n));
    }
    return got.size() >= want;
}

// Reads until `marker` is among the bytes read, the client closes or `limit` passes.
inline bool read_until(int fd, const StreamPeer& peer, const std::string& marker,
                       std::chrono::milliseconds limit = std::chrono::seconds(3)) {
    const auto end = Clock::now() + limit;
    std::string got;
    char buffer[4096];
    while (got.find(marker) == std::string::npos && !peer.stopping() && Clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        got.append(buffer, static_cast<std::size_t>(n));
    }
    return got.find(marker) != std::string::npos;
}

// Keeps the connection open, reading and dropping, until the client closes or `limit` passes:
// so a failure seen by the client comes from what it read, not from our close.
inline void hold(int fd, const StreamPeer& peer,
                 std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    const auto end = Clock::now() + limit;
    char buffer[4096];
    while (!peer.stopping() && Clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        if (::recv(fd, buffer, sizeof buffer, 0) <= 0) return;
    }
}

inline bool send_text(int fd, const std::string& text) {
    return ::send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

}  // namespace edgeplan::hostile_test
