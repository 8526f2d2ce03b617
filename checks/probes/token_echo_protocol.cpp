#include "checks/probes/token_echo_protocol.h"

#include <cstdint>
#include <random>

namespace edgeplan::checks::probes {
namespace {

constexpr std::string_view request_prefix = "EDGEPLAN-PROBE ";
constexpr std::string_view reply_prefix = "EDGEPLAN-ECHO ";

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

std::optional<int> parse_port(std::string_view text) {
    if (text.empty() || text.size() > 5) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < 1 || value > 65535 || (text.size() > 1 && text.front() == '0')) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string make_token() {
    std::random_device device;
    const std::uint64_t value = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    static const char digits[] = "0123456789abcdef";
    std::string token(token_length, '0');
    for (std::size_t i = 0; i < token_length; ++i) {
        token[token_length - 1 - i] = digits[(value >> (4 * i)) & 0xf];
    }
    return token;
}

bool is_valid_token(std::string_view token) {
    if (token.size() != token_length) return false;
    for (char c : token) {
        if (!is_lower_hex(c)) return false;
    }
    return true;
}

bool is_valid_role(std::string_view role) {
    if (role.empty() || role.size() > max_role_length) return false;
    for (char c : role) {
        if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
    }
    return true;
}

std::string format_request(std::string_view token) {
    std::string out(request_prefix);
    out += token;
    out += '\n';
    return out;
}

std::optional<std::string> parse_request(std::string_view bytes) {
    if (bytes.size() != request_length) return std::nullopt;
    if (bytes.substr(0, request_prefix.size()) != request_prefix) return std::nullopt;
    if (bytes.back() != '\n') return std::nullopt;
    const std::string_view token = bytes.substr(request_prefix.size(), token_length);
    if (!is_valid_token(token)) return std::nullopt;
    return std::string(token);
}

std::string format_reply(std::string_view token, std::string_view role, int port,
                         topology::Transport transport) {
    std::string out(reply_prefix);
    out += token;
    out += ' ';
    out += role;
    out += ' ';
    out += std::to_string(port);
    out += '/';
    out += topology::to_string(transport);
    out += '\n';
    return out;
}

std::optional<ParsedReply> parse_reply(std::string_view bytes) {
    if (bytes.empty() || bytes.back() != '\n') return std::nullopt;
    bytes.remove_suffix(1);
    if (bytes.find('\n') != std::string_view::npos) return std::nullopt;
    if (bytes.substr(0, reply_prefix.size()) != reply_prefix) return std::nullopt;
    bytes.remove_prefix(reply_prefix.size());

    ParsedReply reply;
    const std::size_t token_end = bytes.find(' ');
    if (token_end == std::string_view::npos) return std::nullopt;
    reply.token = std::string(bytes.substr(0, token_end));
    if (!is_valid_token(reply.token)) return std::nullopt;
    bytes.remove_prefix(token_end + 1);

    const std::size_t role_end = bytes.find(' ');
    if (role_end == std::string_view::npos) return std::nullopt;
    reply.role = std::string(bytes.substr(0, role_end));
    if (!is_valid_role(reply.role)) return std::nullopt;
    bytes.remove_prefix(role_end + 1);

    const std::size_t slash = bytes.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const std::optional<int> port = parse_port(bytes.substr(0, slash));
    if (!port) return std::nullopt;
    reply.port = *port;
    const std::string_view transport = bytes.substr(slash + 1);
    if (transport == "tcp") {
        reply.transport = topology::Transport::tcp;
    } else if (transport == "udp") {
        reply.transport = topology::Transport::udp;
    } else {
        return std::nullopt;
    }
    return reply;
}

}  // namespace edgeplan::checks::probes
