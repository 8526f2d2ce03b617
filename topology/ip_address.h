#pragma once
// IP address parsing and the classification the plan needs (public / private / loopback).
#include <optional>
#include <string>

namespace edgeplan::topology {

enum class IpFamily { v4, v6 };

enum class AddressScope {
    public_address,   // routable on the Internet; includes the documentation ranges (samples)
    private_address,  // RFC 1918, RFC 6598 (shared CGN space), IPv6 ULA and link-local
    loopback,         // 127.0.0.0/8, ::1: a lab's stand-in for public addresses
    unspecified,      // 0.0.0.0 or ::, which Lync exports write for "not pinned"
};

struct IpAddress {
    std::string text;  // canonical text form (inet_ntop)
    IpFamily family = IpFamily::v4;
};

// Parses a literal IPv4 or IPv6 address; nullopt when the text is not one.
std::optional<IpAddress> parse_ip(const std::string& text);

AddressScope scope_of(const IpAddress& address);
const char* to_string(AddressScope scope);

}  // namespace edgeplan::topology
