#include "checks/probes/dns_udp_pool.h"

#include <errno.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <random>

namespace edgeplan::checks::probes {

std::uint16_t RandomIds::next() {
    if (used_ == block_.size()) {
        block_.assign(256, 0);
        const std::size_t bytes = block_.size() * sizeof block_[0];
        if (::getrandom(block_.data(), bytes, 0) != static_cast<ssize_t>(bytes)) {
            // getrandom is not expected to fail for 512 bytes; stay unpredictable if it does.
            std::random_device device;
            for (auto& id : block_) id = static_cast<std::uint16_t>(device());
        }
        used_ = 0;
    }
    return block_[used_++];
}

std::optional<std::size_t> DnsUdpPool::slot_for(const SocketAddress& server, std::string& error) {
    // Consecutive queries mostly go to the same server: look the map up only on a change, so
    // a query costs no key string (a heap allocation: a sockaddr is longer than the SSO room).
    const std::string_view key(reinterpret_cast<const char*>(&server.storage), server.length);
    if (last_server_ == nullptr || key != last_key_) {
        last_key_.assign(key);
        last_server_ = &servers_[last_key_];
    }
    Server& sockets = *last_server_;
    if (sockets.slots.size() < kSocketsPerServer) {
        UniqueFd fd(::socket(server.family(), SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        if (!fd) {
            error = "socket: " + errno_text(errno);
            return std::nullopt;
        }
        // Connected: the kernel drops datagrams from any other address and reports ICMP port
        // unreachable as ECONNREFUSED.
        if (::connect(fd.get(), server.get(), server.length) != 0) {
            error = "connect: " + errno_text(errno);
            return std::nullopt;
        }
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = tag_ | slots_.size();
        if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd.get(), &event) != 0) {
            error = "epoll_ctl: " + errno_text(errno);
            return std::nullopt;
        }
        sockets.slots.push_back(slots_.size());
        slots_.push_back(Slot{std::move(fd), {}});
    }
    const std::size_t slot = sockets.slots[sockets.next % sockets.slots.size()];
    ++sockets.next;
    return slot;
}

std::uint16_t DnsUdpPool::claim_id(std::size_t slot, std::size_t job) {
    auto& jobs = slots_[slot].jobs_by_id;
    // A slot holds far fewer IDs than 65,536 (the resolver bounds the queries in flight), so a
    // random ID is almost always free; the scan after a few misses keeps this bounded anyway.
    std::uint16_t id = ids_.next();
    for (int attempt = 0; attempt < 16 && jobs.count(id) != 0; ++attempt) id = ids_.next();
    for (std::size_t step = 0; step < 65536 && jobs.count(id) != 0; ++step) ++id;
    jobs[id] = job;
    return id;
}

void DnsUdpPool::release_id(std::size_t slot, std::uint16_t id) {
    slots_[slot].jobs_by_id.erase(id);
}

std::optional<std::size_t> DnsUdpPool::owner(std::size_t slot, std::uint16_t id) const {
    const auto& jobs = slots_[slot].jobs_by_id;
    const auto found = jobs.find(id);
    if (found == jobs.end()) return std::nullopt;
    return found->second;
}

std::vector<std::size_t> DnsUdpPool::owners(std::size_t slot) const {
    std::vector<std::size_t> jobs;
    for (const auto& [id, job] : slots_[slot].jobs_by_id) jobs.push_back(job);
    return jobs;
}

}  // namespace edgeplan::checks::probes
