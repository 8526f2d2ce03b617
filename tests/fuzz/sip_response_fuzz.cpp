// The SIP response head parser (checks/probes/sip_response.h) the TLS prober runs on the bytes
// read so far. Besides "no crash", it must behave like the incremental reader the prober
// assumes: a complete head stays complete (and the same) when more bytes follow, and every
// shorter prefix of it is still a valid prefix (incomplete), never not_sip.
#include <string>

#include "checks/probes/sip_response.h"
#include "tests/fuzz/fuzz_target.h"

using edgeplan::checks::probes::kMaxSipHeaders;
using edgeplan::checks::probes::parse_sip_response;
using edgeplan::checks::probes::SipParse;
using edgeplan::checks::probes::SipParseResult;
using edgeplan::fuzz::require;

namespace {

bool same_head(const SipParseResult& a, const SipParseResult& b) {
    return a.head.status_code == b.head.status_code && a.head.reason == b.head.reason &&
           a.head.status_line == b.head.status_line && a.head.headers == b.head.headers;
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(sip_response) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto result = parse_sip_response(bytes);
    if (result.state == SipParse::not_sip) {
        require(!result.error.empty(), "not_sip without a reason");
        return;
    }
    require(bytes.rfind("SIP/2.0 ", 0) == 0 || bytes.size() < 8, "accepted without SIP/2.0");
    if (result.state != SipParse::complete) return;

    require(result.head.status_code >= 100 && result.head.status_code <= 699,
            "status code out of range");
    require(bytes.rfind(result.head.status_line + "\r\n", 0) == 0,
            "status line is not the first line");
    require(result.head.headers.size() <= kMaxSipHeaders, "more headers than the cap");
    for (const auto& [name, value] : result.head.headers) {
        require(!name.empty(), "header without a name");
        require(value.find_first_of("\r\n") == std::string::npos, "line break in a header value");
    }

    // What follows the empty line (a body, the next message) changes nothing.
    const auto longer = parse_sip_response(bytes + "Junk: after\r\n\r\nSIP/2.0 ");
    require(longer.state == SipParse::complete && same_head(result, longer),
            "bytes after the head changed the result");

    // The head ends at the first empty line; every prefix before it is a valid prefix.
    const std::size_t head_end = bytes.find("\r\n\r\n");
    require(head_end != std::string::npos, "complete without an empty line");
    for (std::size_t cut : {std::size_t{0}, head_end / 2, head_end + 3}) {
        const auto prefix = parse_sip_response(bytes.substr(0, cut));
        require(prefix.state == SipParse::incomplete,
                "prefix of " + std::to_string(cut) + " bytes of a complete head is not incomplete");
    }
}
