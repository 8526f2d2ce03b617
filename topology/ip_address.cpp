#include "topology/ip_address.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>

namespace edgeplan::topology {
namespace {

bool in_v4_range(uint32_t address, uint32_t network, int prefix) {
    const uint32_t mask = prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix);
    return (address & mask) == (network & mask);
}

constexpr uint32_t v4(int a, int b, int c, int d) {
    return (uint32_t(a) << 24) | (uint32_t(b) << 16) | (uint32_t(c) << 8) | uint32_t(d);
}

AddressRange range_v4(uint32_t a) {
    if (a == 0) return AddressRange::unspecified;
    if (in_v4_range(a, v4(127, 0, 0, 0), 8)) return AddressRange::loopback;
    if (in_v4_range(a, v4(10, 0, 0, 0), 8) || in_v4_range(a, v4(172, 16, 0, 0), 12) ||
        in_v4_range(a, v4(192, 168, 0, 0), 16)) {
        return AddressRange::rfc1918;
    }
    if (in_v4_range(a, v4(100, 64, 0, 0), 10)) return AddressRange::shared_cgnat;
    if (in_v4_range(a, v4(169, 254, 0, 0), 16)) return AddressRange::link_local;
    if (in_v4_range(a, v4(192, 0, 2, 0), 24) || in_v4_range(a, v4(198, 51, 100, 0), 24) ||
        in_v4_range(a, v4(203, 0, 113, 0), 24)) {
        return AddressRange::documentation;
    }
    return AddressRange::global;
}

AddressRange range_v6(const std::array<uint8_t, 16>& a) {
    bool all_zero = true;
    for (int i = 0; i < 15; ++i) all_zero = all_zero && a[i] == 0;
    if (all_zero && a[15] == 0) return AddressRange::unspecified;
    if (all_zero && a[15] == 1) return AddressRange::loopback;
    if ((a[0] & 0xfe) == 0xfc) return AddressRange::unique_local;                // fc00::/7
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return AddressRange::link_local;  // fe80::/10
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) {
        return AddressRange::documentation;  // 2001:db8::/32
    }
    return AddressRange::global;
}

}  // namespace

std::optional<IpAddress> parse_ip(const std::string& text) {
    char buffer[INET6_ADDRSTRLEN] = {};
    in_addr v4addr{};
    if (inet_pton(AF_INET, text.c_str(), &v4addr) == 1) {
        // Written by hand: inet_ntop's formatting was a twentieth of a plan's time at the input
        // limits (every published record's address is parsed, docs/performance.md).
        const auto* bytes = reinterpret_cast<const unsigned char*>(&v4addr.s_addr);
        std::string dotted;
        dotted.reserve(15);
        for (int i = 0; i < 4; ++i) {
            if (i > 0) dotted += '.';
            dotted += std::to_string(bytes[i]);
        }
        return IpAddress{std::move(dotted), IpFamily::v4};
    }
    in6_addr v6addr{};
    if (inet_pton(AF_INET6, text.c_str(), &v6addr) == 1) {
        inet_ntop(AF_INET6, &v6addr, buffer, sizeof buffer);
        return IpAddress{buffer, IpFamily::v6};
    }
    return std::nullopt;
}

std::string canonical_ip(const std::string& text) {
    const std::optional<IpAddress> address = parse_ip(text);
    return address ? address->text : std::string();
}

AddressRange range_of(const IpAddress& address) {
    if (address.family == IpFamily::v4) {
        in_addr a{};
        inet_pton(AF_INET, address.text.c_str(), &a);
        return range_v4(ntohl(a.s_addr));
    }
    in6_addr a{};
    inet_pton(AF_INET6, address.text.c_str(), &a);
    std::array<uint8_t, 16> bytes{};
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = a.s6_addr[i];
    return range_v6(bytes);
}

AddressScope scope_of(AddressRange range) {
    switch (range) {
        case AddressRange::unspecified:
            return AddressScope::unspecified;
        case AddressRange::loopback:
            return AddressScope::loopback;
        case AddressRange::rfc1918:
        case AddressRange::shared_cgnat:
        case AddressRange::link_local:
        case AddressRange::unique_local:
            return AddressScope::private_address;
        case AddressRange::documentation:
        case AddressRange::global:
            return AddressScope::public_address;
    }
    return AddressScope::public_address;
}

AddressScope scope_of(const IpAddress& address) { return scope_of(range_of(address)); }

bool is_private_address(const std::string& text) {
    const std::optional<IpAddress> address = parse_ip(text);
    return address && scope_of(*address) == AddressScope::private_address;
}

const char* to_string(AddressScope scope) {
    switch (scope) {
        case AddressScope::public_address:
            return "public";
        case AddressScope::private_address:
            return "private";
        case AddressScope::loopback:
            return "loopback";
        case AddressScope::unspecified:
            return "unspecified";
    }
    return "unknown";
}

const char* to_string(AddressRange range) {
    switch (range) {
        case AddressRange::unspecified:
            return "unspecified";
        case AddressRange::loopback:
            return "loopback";
        case AddressRange::rfc1918:
            return "rfc1918";
        case AddressRange::shared_cgnat:
            return "shared_cgnat";
        case AddressRange::link_local:
            return "link_local";
        case AddressRange::unique_local:
            return "unique_local";
        case AddressRange::documentation:
            return "documentation";
        case AddressRange::global:
            return "global";
    }
    return "unknown";
}

}  // namespace edgeplan::topology
