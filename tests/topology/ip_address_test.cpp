// The one IP vocabulary (topology/ip_address.h): one row per range and per boundary, IPv4 and
// IPv6, so every caller (plan derivation, offline rules, live DNS checks) reads the same table.
#include "topology/ip_address.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace edgeplan::topology {
namespace {

struct Row {
    std::string text;
    AddressRange range;
    AddressScope scope;
};

const std::vector<Row>& rows() {
    static const std::vector<Row> table = {
        {"0.0.0.0", AddressRange::unspecified, AddressScope::unspecified},
        {"::", AddressRange::unspecified, AddressScope::unspecified},
        {"127.0.0.1", AddressRange::loopback, AddressScope::loopback},
        {"127.255.255.254", AddressRange::loopback, AddressScope::loopback},
        {"::1", AddressRange::loopback, AddressScope::loopback},
        {"10.0.0.0", AddressRange::rfc1918, AddressScope::private_address},
        {"10.255.255.255", AddressRange::rfc1918, AddressScope::private_address},
        {"11.0.0.0", AddressRange::global, AddressScope::public_address},
        {"172.15.255.255", AddressRange::global, AddressScope::public_address},
        {"172.16.0.0", AddressRange::rfc1918, AddressScope::private_address},
        {"172.31.255.255", AddressRange::rfc1918, AddressScope::private_address},
        {"172.32.0.0", AddressRange::global, AddressScope::public_address},
        {"192.168.0.1", AddressRange::rfc1918, AddressScope::private_address},
        {"192.169.0.1", AddressRange::global, AddressScope::public_address},
        {"100.63.255.255", AddressRange::global, AddressScope::public_address},
        {"100.64.0.0", AddressRange::shared_cgnat, AddressScope::private_address},
        {"100.127.255.255", AddressRange::shared_cgnat, AddressScope::private_address},
        {"100.128.0.0", AddressRange::global, AddressScope::public_address},
        {"169.254.0.1", AddressRange::link_local, AddressScope::private_address},
        {"169.255.0.1", AddressRange::global, AddressScope::public_address},
        {"fe80::1", AddressRange::link_local, AddressScope::private_address},
        {"febf:ffff::1", AddressRange::link_local, AddressScope::private_address},
        {"fec0::1", AddressRange::global, AddressScope::public_address},
        {"fc00::1", AddressRange::unique_local, AddressScope::private_address},
        {"fd12:3456::1", AddressRange::unique_local, AddressScope::private_address},
        {"fe00::1", AddressRange::global, AddressScope::public_address},
        {"192.0.2.10", AddressRange::documentation, AddressScope::public_address},
        {"198.51.100.10", AddressRange::documentation, AddressScope::public_address},
        {"203.0.113.10", AddressRange::documentation, AddressScope::public_address},
        {"198.51.101.1", AddressRange::global, AddressScope::public_address},
        {"2001:db8::10", AddressRange::documentation, AddressScope::public_address},
        {"2001:db9::10", AddressRange::global, AddressScope::public_address},
        {"131.107.155.10", AddressRange::global, AddressScope::public_address},
        {"2620:1ec::1", AddressRange::global, AddressScope::public_address},
    };
    return table;
}

TEST(IpAddress, EveryRangeClassifiesOnce) {
    for (const Row& row : rows()) {
        const auto ip = parse_ip(row.text);
        ASSERT_TRUE(ip) << row.text;
        EXPECT_EQ(to_string(range_of(*ip)), std::string(to_string(row.range))) << row.text;
        EXPECT_EQ(to_string(scope_of(*ip)), std::string(to_string(row.scope))) << row.text;
        EXPECT_EQ(is_private_address(row.text), row.scope == AddressScope::private_address)
            << row.text;
    }
}

TEST(IpAddress, ParsesAndCanonicalises) {
    EXPECT_EQ(canonical_ip("2001:DB8:0:0::1"), "2001:db8::1");
    EXPECT_EQ(canonical_ip("192.0.2.1"), "192.0.2.1");
    EXPECT_EQ(parse_ip("::ffff:192.0.2.1")->family, IpFamily::v6);
    for (const char* bad :
         {"", "sip.contoso.com", "192.0.2", "192.0.2.256", "1::2::3", " 10.0.0.1"}) {
        EXPECT_FALSE(parse_ip(bad)) << bad;
        EXPECT_EQ(canonical_ip(bad), "") << bad;
        EXPECT_FALSE(is_private_address(bad)) << bad;
    }
}

// parse_ip writes IPv4 addresses itself: the same text as inet_ntop for every byte value in
// every position, and for a spread of whole addresses.
TEST(IpAddress, Ipv4TextEqualsInetNtop) {
    std::uint32_t value = 0;
    for (int n = 0; n < 5000; ++n) {
        value = value * 1664525U + 1013904223U;  // a fixed LCG: the same addresses every run
        const std::uint32_t address =
            n < 256 ? (0x01010101U * static_cast<std::uint32_t>(n)) : value;
        in_addr a{};
        a.s_addr = htonl(address);
        char expected[INET_ADDRSTRLEN] = {};
        ASSERT_NE(inet_ntop(AF_INET, &a, expected, sizeof expected), nullptr);
        const auto ip = parse_ip(expected);
        ASSERT_TRUE(ip) << expected;
        EXPECT_EQ(ip->text, expected);
        EXPECT_EQ(ip->family, IpFamily::v4);
    }
}

}  // namespace
}  // namespace edgeplan::topology
