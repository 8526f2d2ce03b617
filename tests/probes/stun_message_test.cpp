// Strict STUN response parser: one row per outcome (RFC 5389 sections 6, 15; [MS-TURN] 2.2).
#include "checks/probes/stun_message.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace edgeplan::checks::probes::stun {
namespace {

using Bytes = std::vector<std::uint8_t>;

const TransactionId kOurs{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
const TransactionId kOther{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};

void put16(Bytes& out, unsigned value) {
    out.push_back(static_cast<std::uint8_t>((value >> 8) & 0xff));
    out.push_back(static_cast<std::uint8_t>(value & 0xff));
}

void put32(Bytes& out, std::uint32_t value) {
    put16(out, value >> 16);
    put16(out, value & 0xffff);
}

Bytes attribute(unsigned type, const Bytes& value, std::optional<unsigned> claimed = {}) {
    Bytes out;
    put16(out, type);
    put16(out, claimed.value_or(static_cast<unsigned>(value.size())));
    out.insert(out.end(), value.begin(), value.end());
    while (out.size() % 4 != 0) out.push_back(0);
    return out;
}

// XOR-MAPPED-ADDRESS for IPv4, encoded independently of the parser (RFC 5389 15.2).
Bytes xor_mapped_v4(const std::string& address, unsigned port) {
    in_addr raw{};
    ::inet_pton(AF_INET, address.c_str(), &raw);
    Bytes value{0, 0x01};
    put16(value, port ^ (kMagicCookie >> 16));
    put32(value, ntohl(raw.s_addr) ^ kMagicCookie);
    return value;
}

Bytes xor_mapped_v6(const std::string& address, unsigned port, const TransactionId& id) {
    in6_addr raw{};
    ::inet_pton(AF_INET6, address.c_str(), &raw);
    Bytes value{0, 0x02};
    put16(value, port ^ (kMagicCookie >> 16));
    Bytes pad;
    put32(pad, kMagicCookie);
    pad.insert(pad.end(), id.begin(), id.end());
    for (int i = 0; i < 16; ++i)
        value.push_back(static_cast<std::uint8_t>(raw.s6_addr[i] ^ pad[i]));
    return value;
}

Bytes error_code(int code, const std::string& reason) {
    // Built by push_back: GCC 12 at -O2 reports a false -Warray-bounds for insert() after a
    // braced initialiser here.
    Bytes value;
    value.reserve(4 + reason.size());
    value.push_back(0);
    value.push_back(0);
    value.push_back(static_cast<std::uint8_t>(code / 100));
    value.push_back(static_cast<std::uint8_t>(code % 100));
    for (char c : reason) value.push_back(static_cast<std::uint8_t>(c));
    return value;
}

struct Message {
    unsigned type = 0x0101;
    std::uint32_t cookie = kMagicCookie;
    TransactionId id = kOurs;
    std::vector<Bytes> attributes;
    std::optional<unsigned> length;  // override of the header length field
    std::size_t cut = 0;             // bytes removed from the end of the datagram
};

Bytes encode(const Message& message) {
    Bytes body;
    for (const auto& a : message.attributes) body.insert(body.end(), a.begin(), a.end());
    Bytes out;
    put16(out, message.type);
    put16(out, message.length.value_or(static_cast<unsigned>(body.size())));
    put32(out, message.cookie);
    out.insert(out.end(), message.id.begin(), message.id.end());
    out.insert(out.end(), body.begin(), body.end());
    out.resize(out.size() - std::min(message.cut, out.size()));
    return out;
}

struct Row {
    std::string name;
    Message message;
    ParseStatus status;
    std::uint16_t method = 0;
    std::optional<int> code;
    std::optional<std::string> mapped;
};

Message make(unsigned type, std::vector<Bytes> attributes) {
    Message message;
    message.type = type;
    message.attributes = std::move(attributes);
    return message;
}

Message with_header(Message message, std::optional<unsigned> length, std::size_t cut = 0,
                    std::uint32_t cookie = kMagicCookie, TransactionId id = kOurs) {
    message.length = length;
    message.cut = cut;
    message.cookie = cookie;
    message.id = id;
    return message;
}

Row ok(std::string name, Message message, std::uint16_t method, std::optional<int> code,
       std::optional<std::string> mapped) {
    return Row{std::move(name),  std::move(message), ParseStatus::ok, method, code,
               std::move(mapped)};
}

Row rejected(std::string name, ParseStatus status, Message message) {
    return Row{std::move(name), std::move(message), status, 0, std::nullopt, std::nullopt};
}

std::vector<Row> rows() {
    const Bytes mapped = attribute(0x0020, xor_mapped_v4("192.0.2.1", 1));
    const auto malformed = ParseStatus::malformed;
    return {
        ok("ok - Binding success with XOR-MAPPED-ADDRESS (IPv4)",
           make(0x0101, {attribute(0x0020, xor_mapped_v4("192.0.2.17", 50123))}), kMethodBinding,
           std::nullopt, "192.0.2.17:50123"),
        ok("ok - Binding success with XOR-MAPPED-ADDRESS (IPv6)",
           make(0x0101, {attribute(0x0020, xor_mapped_v6("2001:db8::5", 3478, kOurs))}),
           kMethodBinding, std::nullopt, "[2001:db8::5]:3478"),
        ok("ok - MS-TURN Allocate error response 401 with a padded reason",
           make(0x0113, {attribute(0x000F, {0x72, 0xC6, 0x4B, 0xC6}),
                         attribute(0x0009, error_code(401, "Unauth")),
                         attribute(0x0015, {'r', 'e', 'a', 'l', 'm'})}),
           kMethodAllocate, 401, std::nullopt),
        ok("ok - unknown optional attribute is skipped",
           make(0x0101, {attribute(0x8022, {'c', 'o', 't'}),
                         attribute(0x0020, xor_mapped_v4("127.0.0.1", 4000))}),
           kMethodBinding, std::nullopt, "127.0.0.1:4000"),
        rejected("wrong_transaction - well-formed answer to another request",
                 ParseStatus::wrong_transaction,
                 with_header(make(0x0101, {mapped}), std::nullopt, 0, kMagicCookie, kOther)),
        rejected("malformed - shorter than the 20-byte header", malformed,
                 with_header(make(0x0101, {}), std::nullopt, 8)),
        rejected("malformed - length field larger than the datagram", malformed,
                 with_header(make(0x0101, {mapped}), 16)),
        rejected("malformed - length field not a multiple of 4", malformed,
                 with_header(make(0x0101, {Bytes{0, 0, 0}}), 3)),
        rejected("malformed - attribute value runs past the end", malformed,
                 make(0x0101, {attribute(0x0020, {0, 1, 0, 0}, 12)})),
        rejected("malformed - datagram cut inside an attribute", malformed,
                 with_header(make(0x0101, {mapped}), 8, 4)),
        rejected("malformed - wrong magic cookie", malformed,
                 with_header(make(0x0101, {mapped}), std::nullopt, 0, 0x2112A443)),
        rejected("malformed - top two bits set (not STUN)", malformed, make(0x4101, {})),
        rejected("malformed - a request, not a response", malformed, make(0x0001, {})),
        rejected("malformed - error response without ERROR-CODE", malformed, make(0x0111, {})),
        rejected("malformed - ERROR-CODE class 7 out of range", malformed,
                 make(0x0111, {attribute(0x0009, error_code(701, ""))})),
        rejected("malformed - XOR-MAPPED-ADDRESS with unknown family", malformed,
                 make(0x0101, {attribute(0x0020, {0, 0x03, 0, 1, 1, 2, 3, 4})})),
        rejected("malformed - IPv4 XOR-MAPPED-ADDRESS with IPv6 length", malformed,
                 make(0x0101, {attribute(0x0020, {0, 0x01, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8})})),
    };
}

// Test names and failure messages show the row name, not a byte dump.
void PrintTo(const Row& row, std::ostream* out) { *out << row.name; }

class StunParserTest : public ::testing::TestWithParam<Row> {};

TEST_P(StunParserTest, ClassifiesResponse) {
    const Row& row = GetParam();
    const Bytes datagram = encode(row.message);
    const auto result = parse_response(datagram.data(), datagram.size(), {kOurs});
    ASSERT_EQ(to_string(result.status), std::string(to_string(row.status))) << result.detail;
    if (row.status != ParseStatus::ok) {
        EXPECT_FALSE(result.detail.empty());
        return;
    }
    EXPECT_EQ(result.response.method, row.method);
    EXPECT_EQ(result.response.error_code, row.code);
    EXPECT_EQ(result.response.mapped_address, row.mapped);
}

INSTANTIATE_TEST_SUITE_P(Rows, StunParserTest, ::testing::ValuesIn(rows()),
                         [](const ::testing::TestParamInfo<Row>& param) {
                             std::string name;
                             for (const char c : param.param.name) {
                                 name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return name;
                         });

TEST(StunParser, EveryPrefixAndRandomNoiseIsRejectedWithoutCrashing) {
    const Bytes good = encode(make(0x0113, {attribute(0x0009, error_code(401, "Unauthorized")),
                                            attribute(0x0020, xor_mapped_v4("192.0.2.1", 9))}));
    ASSERT_EQ(parse_response(good.data(), good.size(), {kOurs}).status, ParseStatus::ok);
    for (std::size_t size = 0; size < good.size(); ++size) {
        EXPECT_EQ(parse_response(good.data(), size, {kOurs}).status, ParseStatus::malformed)
            << "prefix of " << size << " bytes";
    }
    std::mt19937 random(5389);
    for (int round = 0; round < 2000; ++round) {
        Bytes noise = good;
        noise[20 + random() % (noise.size() - 20)] = static_cast<std::uint8_t>(random());
        noise[2 + random() % 2] ^= static_cast<std::uint8_t>(random() % 2 ? 0x04 : 0);
        const auto result = parse_response(noise.data(), noise.size(), {kOurs});
        EXPECT_NE(result.status, ParseStatus::wrong_transaction);
    }
}

TEST(StunRequests, BindingRequestIsHeaderOnly) {
    const Bytes request = build_binding_request(kOurs);
    Bytes expected;
    put16(expected, 0x0001);
    put16(expected, 0);
    put32(expected, kMagicCookie);
    expected.insert(expected.end(), kOurs.begin(), kOurs.end());
    EXPECT_EQ(request, expected);
}

TEST(StunRequests, MsTurnAllocateCarriesMagicCookieAttributeFirst) {
    const Bytes request = build_msturn_allocate_request(kOurs);
    ASSERT_EQ(request.size(), 28u);
    EXPECT_EQ(request[0], 0x00);
    EXPECT_EQ(request[1], 0x03);  // Allocate request
    EXPECT_EQ(request[3], 8);     // one 8-byte attribute
    const Bytes attribute_bytes(request.begin() + 20, request.end());
    EXPECT_EQ(attribute_bytes, (Bytes{0x00, 0x0F, 0x00, 0x04, 0x72, 0xC6, 0x4B, 0xC6}));
}

TEST(StunRequests, TransactionIdsDiffer) {
    EXPECT_NE(random_transaction_id(), random_transaction_id());
}

}  // namespace
}  // namespace edgeplan::checks::probes::stun
