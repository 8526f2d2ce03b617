// The token-echo protocol parser (checks/probes/token_echo_protocol.h), both directions. What
// parses must format back to the same bytes (one spelling per message), and a reply stays
// within request_length + max_reply_growth (docs/responder.md: no amplification).
#include <string_view>

#include "checks/probes/token_echo_protocol.h"
#include "tests/fuzz/fuzz_target.h"

namespace probes = edgeplan::checks::probes;
using edgeplan::fuzz::require;

EDGEPLAN_FUZZ_TARGET(token_echo) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (const auto token = probes::parse_request(bytes)) {
        require(probes::is_valid_token(*token), "request with an invalid token");
        require(probes::format_request(*token) == bytes, "request does not round-trip");
    }
    if (const auto reply = probes::parse_reply(bytes)) {
        require(probes::is_valid_token(reply->token), "reply with an invalid token");
        require(probes::is_valid_role(reply->role), "reply with an invalid role");
        require(reply->port >= 1 && reply->port <= 65535, "reply port out of range");
        require(
            probes::format_reply(reply->token, reply->role, reply->port, reply->transport) == bytes,
            "reply does not round-trip");
        require(bytes.size() <= probes::request_length + probes::max_reply_growth,
                "reply longer than the amplification bound");
    }
}
