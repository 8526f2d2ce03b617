// SIP response head parser and OPTIONS builder (sip_response.h).
#include "checks/probes/sip_response.h"
#include "topology/strings.h"

#include <cctype>

namespace edgeplan::checks::probes {
namespace {

constexpr const char* kVersion = "SIP/2.0 ";

bool is_token_char(unsigned char c) {
    // RFC 3261 25.1 token
    return std::isalnum(c) ||
           std::string_view("-.!%*_+`'~").find(static_cast<char>(c)) != std::string_view::npos;
}

// Reason-Phrase: UTF-8 text without control characters other than HTAB.
bool valid_text(const std::string& text) {
    for (unsigned char c : text) {
        if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
    }
    return true;
}

SipParseResult not_sip(std::string why) {
    SipParseResult r;
    r.state = SipParse::not_sip;
    r.error = std::move(why);
    return r;
}

using strings::trim;

}  // namespace

SipParseResult parse_sip_response(const std::string& bytes) {
    const std::string version = kVersion;
    const std::size_t prefix = std::min(bytes.size(), version.size());
    if (bytes.compare(0, prefix, version, 0, prefix) != 0) {
        return not_sip("does not start with \"SIP/2.0 \"");
    }
    SipParseResult result;
    const std::size_t line_end = bytes.find("\r\n");
    if (line_end == std::string::npos) {
        if (bytes.size() > 1024) return not_sip("status line longer than 1024 bytes");
        return result;
    }
    const std::string line = bytes.substr(0, line_end);
    if (line.size() < version.size() + 4 || line[version.size() + 3] != ' ') {
        return not_sip("malformed status line");
    }
    const std::string code = line.substr(version.size(), 3);
    for (char c : code) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return not_sip("status code is not 3 digits");
    }
    result.head.status_code = std::stoi(code);
    if (result.head.status_code < 100 || result.head.status_code > 699) {
        return not_sip("status code out of range");
    }
    result.head.reason = line.substr(version.size() + 4);
    if (!valid_text(result.head.reason)) return not_sip("control characters in the reason phrase");
    result.head.status_line = line;

    std::size_t cursor = line_end + 2;
    for (std::size_t count = 0; count <= kMaxSipHeaders; ++count) {
        const std::size_t end = bytes.find("\r\n", cursor);
        if (end == std::string::npos) {
            if (bytes.size() > kMaxSipHeadBytes) return not_sip("header section too large");
            return result;  // incomplete, status line known
        }
        if (end == cursor) {
            result.state = SipParse::complete;
            return result;
        }
        const std::string header = bytes.substr(cursor, end - cursor);
        cursor = end + 2;
        if (header[0] == ' ' || header[0] == '\t') {  // folded continuation (RFC 3261 7.3.1)
            if (result.head.headers.empty()) return not_sip("continuation before any header");
            // The folded text is part of the value: same character rules (a bare LF or NUL here
            // would otherwise reach the evidence as a forged line).
            if (!valid_text(header)) return not_sip("control characters in a header value");
            result.head.headers.back().second += " " + trim(header);
            continue;
        }
        const std::size_t colon = header.find(':');
        if (colon == std::string::npos || colon == 0) return not_sip("header line without a name");
        std::string name = trim(header.substr(0, colon));
        for (unsigned char c : name) {
            if (!is_token_char(c)) return not_sip("invalid header name");
        }
        const std::string value = trim(header.substr(colon + 1));
        if (!valid_text(value)) return not_sip("control characters in a header value");
        result.head.headers.emplace_back(std::move(name), value);
    }
    return not_sip("more than " + std::to_string(kMaxSipHeaders) + " headers");
}

std::string build_sip_options(const std::string& target, int port, const std::string& via_host,
                              const std::string& token) {
    const std::string uri = "sip:" + target + ":" + std::to_string(port) + ";transport=tls";
    return "OPTIONS " + uri + " SIP/2.0\r\n" + "Via: SIP/2.0/TLS " + via_host + ";branch=z9hG4bK" +
           token + ";rport\r\n" + "Max-Forwards: 70\r\n" +
           "From: <sip:edgeplan@edgeplan.invalid>;tag=" + token + "\r\n" + "To: <sip:" + target +
           ">\r\n" + "Call-ID: " + token + "@edgeplan.invalid\r\n" + "CSeq: 1 OPTIONS\r\n" +
           "User-Agent: edgeplan\r\n" + "Accept: application/sdp\r\n" + "Content-Length: 0\r\n\r\n";
}

}  // namespace edgeplan::checks::probes
