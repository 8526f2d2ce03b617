#pragma once
// STUN message encoding and a strict response parser (RFC 5389 section 6 and 15; [MS-TURN]
// section 2.2). The parser treats every datagram as hostile: each length is checked against
// the bytes present before it is used, and any inconsistency yields `malformed`, never a crash.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edgeplan::checks::probes::stun {

constexpr std::uint32_t kMagicCookie = 0x2112A442;  // RFC 5389 section 6
// [MS-TURN] 2.2.2.8: MAGIC-COOKIE attribute, first attribute of every MS-TURN message.
constexpr std::uint16_t kMsTurnMagicCookieAttribute = 0x000F;
constexpr std::uint32_t kMsTurnMagicCookieValue = 0x72C64BC6;

constexpr std::uint16_t kMethodBinding = 0x001;
constexpr std::uint16_t kMethodAllocate = 0x003;

constexpr std::uint16_t kAttrMappedAddress = 0x0001;
constexpr std::uint16_t kAttrErrorCode = 0x0009;
constexpr std::uint16_t kAttrXorMappedAddress = 0x0020;

constexpr std::size_t kHeaderSize = 20;

// The 96 bits after the magic cookie (RFC 5389). MS-TURN, like RFC 3489, reads cookie plus
// these as one 128-bit transaction ID and echoes all 16 bytes, so one parser serves both.
using TransactionId = std::array<std::uint8_t, 12>;

TransactionId random_transaction_id();

// Binding request, no attributes (RFC 5389 section 7.1).
std::vector<std::uint8_t> build_binding_request(const TransactionId& id);
// Unauthenticated MS-TURN Allocate request: MAGIC-COOKIE attribute first ([MS-TURN] 3.1.10).
// An Edge answers it with a 401 error response, which proves the A/V Edge is reachable.
std::vector<std::uint8_t> build_msturn_allocate_request(const TransactionId& id);

enum class ParseStatus {
    ok,                 // a well-formed success or error response with our transaction ID
    malformed,          // not a well-formed STUN response
    wrong_transaction,  // well-formed, but answers another request (ignore it)
};
const char* to_string(ParseStatus status);

struct Response {
    std::uint16_t method = 0;
    bool is_error = false;                      // error response class (0b11)
    std::optional<int> error_code;              // ERROR-CODE: class * 100 + number
    std::optional<std::string> mapped_address;  // XOR-MAPPED-ADDRESS or MAPPED-ADDRESS
};

struct ParseResult {
    ParseStatus status = ParseStatus::malformed;
    std::string detail;  // why it is malformed
    TransactionId transaction_id{};
    Response response;
};

// Parses one datagram as a response to any of `expected` transaction IDs.
ParseResult parse_response(const std::uint8_t* data, std::size_t size,
                           const std::vector<TransactionId>& expected);

}  // namespace edgeplan::checks::probes::stun
