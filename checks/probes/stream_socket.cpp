// Plain TCP helpers for the TLS and XMPP probes (see stream_socket.h).
#include "checks/probes/stream_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace edgeplan::checks::probes {

IoStatus wait_for(int fd, short events, SteadyClock::time_point deadline) {
    // Bounded: each round waits at most until the deadline; EINTR rounds are capped too.
    for (int round = 0; round < 1000; ++round) {
        const int ms = wait_ms_until(deadline, SteadyClock::now(), 60000);
        pollfd entry{fd, events, 0};
        const int ready = ::poll(&entry, 1, ms);
        if (ready > 0) return IoStatus::ok;
        if (ready == 0) return IoStatus::timeout;
        if (errno != EINTR) return IoStatus::error;
    }
    return IoStatus::timeout;
}

UniqueFd connect_stream(const std::string& address, std::uint16_t port,
                        SteadyClock::time_point deadline, IoResult& result) {
    const auto target = make_socket_address(address, port);
    if (!target) {
        result = {IoStatus::error, "not a literal IP address: " + address};
        return {};
    }
    UniqueFd fd(::socket(target->family(), SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd || !set_nonblocking(fd.get())) {
        result = {IoStatus::error, "socket: " + errno_text(errno)};
        return {};
    }
    if (::connect(fd.get(), target->get(), target->length) != 0 && errno != EINPROGRESS) {
        result = {IoStatus::error, "connect: " + errno_text(errno)};
        return {};
    }
    const IoStatus waited = wait_for(fd.get(), POLLOUT, deadline);
    if (waited != IoStatus::ok) {
        result = {waited, waited == IoStatus::timeout ? "connect timed out" : "poll failed"};
        return {};
    }
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0) {
        result = {IoStatus::error, "connect: " + errno_text(error)};
        return {};
    }
    result = {IoStatus::ok, {}};
    return fd;
}

IoResult send_all(int fd, const std::string& data, SteadyClock::time_point deadline) {
    std::size_t sent = 0;
    for (int round = 0; round < 10000 && sent < data.size(); ++round) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return {IoStatus::error, "send: " + errno_text(errno)};
        }
        const IoStatus waited = wait_for(fd, POLLOUT, deadline);
        if (waited != IoStatus::ok) return {waited, "send timed out"};
    }
    return sent == data.size() ? IoResult{} : IoResult{IoStatus::error, "send incomplete"};
}

IoResult receive_some(int fd, std::string& buffer, std::size_t max_bytes,
                      SteadyClock::time_point deadline) {
    char chunk[4096];
    for (int round = 0; round < 1000; ++round) {
        const std::size_t want = std::min(max_bytes, sizeof chunk);
        if (want == 0) return {IoStatus::error, "buffer limit reached"};
        const ssize_t n = ::recv(fd, chunk, want, 0);
        if (n > 0) {
            buffer.append(chunk, static_cast<std::size_t>(n));
            return {};
        }
        if (n == 0) return {IoStatus::closed, "connection closed by peer"};
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return {IoStatus::error, "recv: " + errno_text(errno)};
        }
        const IoStatus waited = wait_for(fd, POLLIN, deadline);
        if (waited != IoStatus::ok) return {waited, "no data before the deadline"};
    }
    return {IoStatus::timeout, "no data before the deadline"};
}

std::string local_endpoint(int fd) {
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return "0.0.0.0:0";
    return format_endpoint(reinterpret_cast<sockaddr*>(&storage));
}

}  // namespace edgeplan::checks::probes
