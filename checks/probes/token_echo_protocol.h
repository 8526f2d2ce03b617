#pragma once
// The token-echo protocol between `edgeplan listen` (the responder on the Edge host) and the
// token-echo prober (docs/responder.md). A probe carries a random token so that only the
// responder, not a stray service on the same port, can prove the path is open.
//
//   request: "EDGEPLAN-PROBE <token>\n"                         token = 16 lower-case hex chars
//   reply:   "EDGEPLAN-ECHO <token> <role> <port>/<tcp|udp>\n"
//
// Pure functions only; no sockets here.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "topology/plan.h"

namespace edgeplan::checks::probes {

inline constexpr std::size_t token_length = 16;
// A reply is at most this much longer than the request it answers (no amplification).
inline constexpr std::size_t max_reply_growth = 64;
// Longest role name a reply may carry; keeps every reply within request + max_reply_growth.
inline constexpr std::size_t max_role_length = 16;
// The request is exactly this long: "EDGEPLAN-PROBE " + token + "\n".
inline constexpr std::size_t request_length = 15 + token_length + 1;

// A fresh random token (16 hex digits from the system's random device).
std::string make_token();
bool is_valid_token(std::string_view token);
// Role names are short lower-case words with '-' (edge-external, edge-internal, partner).
bool is_valid_role(std::string_view role);

std::string format_request(std::string_view token);
// The token of a well-formed request; nothing for any other bytes (including a trailing extra
// line, a missing newline, upper-case hex or a wrong length).
std::optional<std::string> parse_request(std::string_view bytes);

std::string format_reply(std::string_view token, std::string_view role, int port,
                         topology::Transport transport);

struct ParsedReply {
    std::string token;
    std::string role;
    int port = 0;
    topology::Transport transport = topology::Transport::tcp;
};
// A well-formed reply line (with its newline); nothing otherwise.
std::optional<ParsedReply> parse_reply(std::string_view bytes);

}  // namespace edgeplan::checks::probes
