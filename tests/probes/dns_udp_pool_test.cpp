// The resolver's shared UDP sockets: a bounded number per server, IDs unique per socket and
// owned by one query until released.
#include <gtest/gtest.h>
#include <sys/epoll.h>

#include <set>

#include "checks/probes/dns_udp_pool.h"

namespace edgeplan::checks::probes {
namespace {

TEST(DnsUdpPool, ServerGetsAtMostItsShareOfSocketsRoundRobin) {
    UniqueFd epoll(::epoll_create1(EPOLL_CLOEXEC));
    ASSERT_TRUE(epoll);
    DnsUdpPool pool(epoll.get(), 0);
    const auto first = make_socket_address("127.0.0.61", 53);
    const auto second = make_socket_address("127.0.0.62", 53);
    ASSERT_TRUE(first && second);
    std::string error;
    std::set<std::size_t> first_slots;
    std::set<std::size_t> second_slots;
    for (std::size_t i = 0; i < 3 * DnsUdpPool::kSocketsPerServer; ++i) {
        const auto a = pool.slot_for(*first, error);
        const auto b = pool.slot_for(*second, error);
        ASSERT_TRUE(a && b) << error;
        first_slots.insert(*a);
        second_slots.insert(*b);
    }
    EXPECT_EQ(first_slots.size(), DnsUdpPool::kSocketsPerServer);
    EXPECT_EQ(second_slots.size(), DnsUdpPool::kSocketsPerServer);
    for (std::size_t slot : first_slots) EXPECT_EQ(second_slots.count(slot), 0u);
}

TEST(DnsUdpPool, IdsAreUniquePerSocketAndOwnedUntilReleased) {
    UniqueFd epoll(::epoll_create1(EPOLL_CLOEXEC));
    ASSERT_TRUE(epoll);
    DnsUdpPool pool(epoll.get(), 0);
    std::string error;
    const auto slot = pool.slot_for(*make_socket_address("127.0.0.63", 53), error);
    ASSERT_TRUE(slot) << error;
    std::set<std::uint16_t> ids;
    for (std::size_t job = 0; job < 5000; ++job) {
        const std::uint16_t id = pool.claim_id(*slot, job);
        EXPECT_TRUE(ids.insert(id).second) << "ID " << id << " handed out twice";
        EXPECT_EQ(pool.owner(*slot, id), job);
    }
    EXPECT_EQ(pool.owners(*slot).size(), 5000u);
    const std::uint16_t released = *ids.begin();
    pool.release_id(*slot, released);
    EXPECT_FALSE(pool.owner(*slot, released).has_value());
    EXPECT_EQ(pool.owners(*slot).size(), 4999u);
}

TEST(RandomIds, SpreadOverTheWholeRange) {
    RandomIds ids;
    std::set<std::uint16_t> seen;
    for (int i = 0; i < 2000; ++i) seen.insert(ids.next());
    // 2,000 draws from 65,536 values repeat about 30 times; a stuck or narrow source would not
    // give 1,900 distinct values.
    EXPECT_GT(seen.size(), 1900u);
    EXPECT_GT(*seen.rbegin() - *seen.begin(), 60000);
}

}  // namespace
}  // namespace edgeplan::checks::probes
