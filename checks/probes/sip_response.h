#pragma once
// A strict, bounded parser of the start of a SIP response (RFC 3261 section 7.2 / 25.1):
// "SIP/2.0 <3-digit code> <reason>" CRLF, header lines, empty line. The TLS prober feeds it the
// bytes read so far and stops reading once the answer is decided.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace edgeplan::checks::probes {

inline constexpr std::size_t kMaxSipHeadBytes = 16 * 1024;
inline constexpr std::size_t kMaxSipHeaders = 64;

struct SipResponseHead {
    int status_code = 0;
    std::string reason;
    std::string status_line;                                   // without CRLF
    std::vector<std::pair<std::string, std::string>> headers;  // in order; names as sent
};

enum class SipParse {
    complete,    // status line and headers up to the empty line
    incomplete,  // a valid prefix: read more (until the size cap or the deadline)
    not_sip,     // the bytes cannot be the start of a SIP response
};

struct SipParseResult {
    SipParse state = SipParse::incomplete;
    SipResponseHead head;  // filled when complete; status line also once it is complete
    std::string error;     // why not_sip
};

SipParseResult parse_sip_response(const std::string& bytes);

// The OPTIONS request the prober sends (RFC 3261 section 11): `target` is the host of the
// Request-URI (the Access Edge FQDN), `via_host` the local "ADDR:PORT", `token` a random hex
// string that makes branch, tag and Call-ID unique.
std::string build_sip_options(const std::string& target, int port, const std::string& via_host,
                              const std::string& token);

}  // namespace edgeplan::checks::probes
