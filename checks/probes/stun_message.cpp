#include "checks/probes/stun_message.h"

#include <arpa/inet.h>
#include <sys/random.h>

#include <algorithm>
#include <random>

namespace edgeplan::checks::probes::stun {

namespace {

enum MessageClass : std::uint16_t { request = 0, indication = 1, success = 2, error = 3 };

// RFC 5389 section 6: the class bits C0, C1 sit at bits 4 and 8, the method fills the rest.
std::uint16_t message_type(std::uint16_t method, std::uint16_t message_class) {
    return static_cast<std::uint16_t>((method & 0x000F) | ((method & 0x0070) << 1) |
                                      ((method & 0x0F80) << 2) | ((message_class & 1) << 4) |
                                      ((message_class & 2) << 7));
}

std::uint16_t method_of(std::uint16_t type) {
    return static_cast<std::uint16_t>((type & 0x000F) | ((type >> 1) & 0x0070) |
                                      ((type >> 2) & 0x0F80));
}

std::uint16_t class_of(std::uint16_t type) {
    return static_cast<std::uint16_t>(((type >> 4) & 1) | ((type >> 7) & 2));
}

void put16(std::vector<std::uint8_t>& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xff));
}

void put32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    put16(out, static_cast<std::uint16_t>(value >> 16));
    put16(out, static_cast<std::uint16_t>(value & 0xffff));
}

std::uint16_t get16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}

std::uint32_t get32(const std::uint8_t* p) {
    return (static_cast<std::uint32_t>(get16(p)) << 16) | get16(p + 2);
}

std::vector<std::uint8_t> header(std::uint16_t type, const TransactionId& id) {
    std::vector<std::uint8_t> out;
    put16(out, type);
    put16(out, 0);  // length, patched by finish_message
    put32(out, kMagicCookie);
    out.insert(out.end(), id.begin(), id.end());
    return out;
}

void finish_message(std::vector<std::uint8_t>& message) {
    const auto length = static_cast<std::uint16_t>(message.size() - kHeaderSize);
    message[2] = static_cast<std::uint8_t>(length >> 8);
    message[3] = static_cast<std::uint8_t>(length & 0xff);
}

// MAPPED-ADDRESS / XOR-MAPPED-ADDRESS value (RFC 5389 15.1, 15.2). nullopt when malformed.
std::optional<std::string> decode_address(const std::uint8_t* value, std::size_t length, bool xored,
                                          const std::uint8_t* header_bytes) {
    if (length < 4) return std::nullopt;
    const std::uint8_t family = value[1];
    std::uint16_t port = get16(value + 2);
    if (xored) port = static_cast<std::uint16_t>(port ^ (kMagicCookie >> 16));
    char text[INET6_ADDRSTRLEN] = {};
    if (family == 0x01) {
        if (length != 8) return std::nullopt;
        std::uint8_t bytes[4];
        for (int i = 0; i < 4; ++i) {
            // XOR with the cookie, which is header bytes 4..7 (network order).
            bytes[i] = static_cast<std::uint8_t>(value[4 + i] ^ (xored ? header_bytes[4 + i] : 0));
        }
        ::inet_ntop(AF_INET, bytes, text, sizeof text);
        return std::string(text) + ":" + std::to_string(port);
    }
    if (family == 0x02) {
        if (length != 20) return std::nullopt;
        std::uint8_t bytes[16];
        for (int i = 0; i < 16; ++i) {
            // XOR with cookie + transaction ID: header bytes 4..19.
            bytes[i] = static_cast<std::uint8_t>(value[4 + i] ^ (xored ? header_bytes[4 + i] : 0));
        }
        ::inet_ntop(AF_INET6, bytes, text, sizeof text);
        return "[" + std::string(text) + "]:" + std::to_string(port);
    }
    return std::nullopt;
}

ParseResult malformed(std::string detail) {
    ParseResult result;
    result.status = ParseStatus::malformed;
    result.detail = std::move(detail);
    return result;
}

std::string hex16(std::uint16_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string text = "0x";
    for (int shift = 12; shift >= 0; shift -= 4) text += digits[(value >> shift) & 0xf];
    return text;
}

}  // namespace

const char* to_string(ParseStatus status) {
    switch (status) {
        case ParseStatus::ok:
            return "ok";
        case ParseStatus::malformed:
            return "malformed";
        case ParseStatus::wrong_transaction:
            return "wrong_transaction";
    }
    return "unknown";
}

TransactionId random_transaction_id() {
    TransactionId id{};
    if (::getrandom(id.data(), id.size(), 0) != static_cast<ssize_t>(id.size())) {
        std::random_device device;
        for (auto& byte : id) byte = static_cast<std::uint8_t>(device());
    }
    return id;
}

std::vector<std::uint8_t> build_binding_request(const TransactionId& id) {
    auto message = header(message_type(kMethodBinding, request), id);
    finish_message(message);
    return message;
}

std::vector<std::uint8_t> build_msturn_allocate_request(const TransactionId& id) {
    auto message = header(message_type(kMethodAllocate, request), id);
    put16(message, kMsTurnMagicCookieAttribute);
    put16(message, 4);
    put32(message, kMsTurnMagicCookieValue);
    finish_message(message);
    return message;
}

ParseResult parse_response(const std::uint8_t* data, std::size_t size,
                           const std::vector<TransactionId>& expected) {
    if (data == nullptr || size < kHeaderSize) return malformed("shorter than a STUN header");
    const std::uint16_t type = get16(data);
    if ((type & 0xC000) != 0) return malformed("first two bits are not zero");
    const std::size_t length = get16(data + 2);
    if (length % 4 != 0) return malformed("message length is not a multiple of 4");
    if (kHeaderSize + length != size) {
        return malformed("message length " + std::to_string(length) + " but datagram carries " +
                         std::to_string(size - kHeaderSize));
    }
    if (get32(data + 4) != kMagicCookie) return malformed("wrong magic cookie");
    const std::uint16_t message_class = class_of(type);
    if (message_class != success && message_class != error) return malformed("not a response");

    ParseResult result;
    std::copy_n(data + 8, result.transaction_id.size(), result.transaction_id.begin());
    if (std::find(expected.begin(), expected.end(), result.transaction_id) == expected.end()) {
        result.status = ParseStatus::wrong_transaction;
        result.detail = "transaction ID of another request";
        return result;
    }
    result.response.method = method_of(type);
    result.response.is_error = message_class == error;

    bool seen_mapped = false;
    bool seen_xor_mapped = false;
    std::size_t offset = kHeaderSize;
    // Each step consumes at least 4 bytes, so this ends within size / 4 iterations.
    while (offset < size) {
        if (size - offset < 4) return malformed("attribute header truncated");
        const std::uint16_t attribute = get16(data + offset);
        const std::size_t value_length = get16(data + offset + 2);
        const std::size_t padded = (value_length + 3) & ~static_cast<std::size_t>(3);
        if (padded > size - offset - 4) {
            return malformed("attribute " + hex16(attribute) + " truncated");
        }
        const std::uint8_t* value = data + offset + 4;
        // RFC 5389 15: only the first instance of an attribute counts.
        if (attribute == kAttrXorMappedAddress && !seen_xor_mapped) {
            seen_xor_mapped = true;
            auto address = decode_address(value, value_length, true, data);
            if (!address) return malformed("bad XOR-MAPPED-ADDRESS");
            result.response.mapped_address = std::move(address);
        } else if (attribute == kAttrMappedAddress && !seen_mapped) {
            seen_mapped = true;
            auto address = decode_address(value, value_length, false, data);
            if (!address) return malformed("bad MAPPED-ADDRESS");
            if (!seen_xor_mapped) result.response.mapped_address = std::move(address);
        } else if (attribute == kAttrErrorCode && !result.response.error_code) {
            // RFC 5389 15.6: 21 reserved bits, class (3 bits, 3..6), number (0..99).
            if (value_length < 4) return malformed("ERROR-CODE shorter than 4 bytes");
            const int error_class = value[2] & 0x07;
            const int number = value[3];
            if (error_class < 3 || error_class > 6 || number > 99) {
                return malformed("ERROR-CODE out of range");
            }
            result.response.error_code = error_class * 100 + number;
        }
        offset += 4 + padded;
    }
    if (result.response.is_error && !result.response.error_code) {
        return malformed("error response without ERROR-CODE");
    }
    result.status = ParseStatus::ok;
    return result;
}

}  // namespace edgeplan::checks::probes::stun
