#pragma once
// The one IP vocabulary of edgeplan: parse a literal, name the range it falls in, and the scope
// the plan and every check judge by (public / private / loopback). topology/ and checks/ both
// classify through here, so an offline rule and a live check cannot disagree about an address.
#include <optional>
#include <string>

namespace edgeplan::topology {

enum class IpFamily { v4, v6 };

// The special-purpose range an address belongs to (RFC 6890 registry, the ranges an Edge
// plan meets), or `global` for everything else.
enum class AddressRange {
    unspecified,    // 0.0.0.0, :: (Lync exports write it for "not pinned")
    loopback,       // 127.0.0.0/8, ::1
    rfc1918,        // 10/8, 172.16/12, 192.168/16
    shared_cgnat,   // 100.64.0.0/10 (RFC 6598, carrier-grade NAT)
    link_local,     // 169.254.0.0/16, fe80::/10
    unique_local,   // fc00::/7 (RFC 4193)
    documentation,  // 192.0.2/24, 198.51.100/24, 203.0.113/24 (RFC 5737), 2001:db8::/32 (RFC 3849)
    global,         // anything else
};

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

// Canonical text of an IP literal (inet_ntop), or empty when the text is not one.
std::string canonical_ip(const std::string& text);

AddressRange range_of(const IpAddress& address);
// The scope of a range: documentation and global are public (so samples read like plans);
// RFC 1918, shared CGN, link-local and ULA are private.
AddressScope scope_of(AddressRange range);
AddressScope scope_of(const IpAddress& address);

// True when `text` is an IP literal in a private range; false for names and public addresses.
bool is_private_address(const std::string& text);

const char* to_string(AddressScope scope);
const char* to_string(AddressRange range);

}  // namespace edgeplan::topology
