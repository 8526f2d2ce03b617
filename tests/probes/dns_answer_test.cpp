// The resolver's wire code (checks/probes/dns_answer.h) on hand-written packets: the query bytes
// of RFC 1035 section 4.1, the match of RFC 5452 section 9.1, the presentation form of names
// with escapes, and which sections of a response are decoded.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "checks/probes/dns_answer.h"

namespace edgeplan::checks::probes {
namespace {

using Bytes = std::vector<std::uint8_t>;

// Wire form of a name given as labels.
Bytes wire_name(const std::vector<std::string>& labels) {
    Bytes out;
    for (const auto& label : labels) {
        out.push_back(static_cast<std::uint8_t>(label.size()));
        out.insert(out.end(), label.begin(), label.end());
    }
    out.push_back(0);
    return out;
}

void append16(Bytes& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xff));
}

// A response with ID 0x1234, rcode NOERROR, the question `asked` (type SRV, class IN) and one
// SRV record for it whose target is `target`; `authority` is appended with NSCOUNT 1.
Bytes srv_response(const std::vector<std::string>& asked, const std::vector<std::string>& target,
                   const Bytes& authority = {}) {
    Bytes out;
    append16(out, 0x1234);
    append16(out, 0x8180);  // QR, RD, RA
    append16(out, 1);       // QDCOUNT
    append16(out, 1);       // ANCOUNT
    append16(out, authority.empty() ? 0 : 1);
    append16(out, 0);
    const Bytes name = wire_name(asked);
    out.insert(out.end(), name.begin(), name.end());
    append16(out, 33);      // SRV
    append16(out, 1);       // IN
    append16(out, 0xc00c);  // the owner: a pointer to the question's name
    append16(out, 33);
    append16(out, 1);
    append16(out, 0);
    append16(out, 3600);  // TTL
    const Bytes target_wire = wire_name(target);
    append16(out, static_cast<std::uint16_t>(6 + target_wire.size()));
    append16(out, 10);
    append16(out, 20);
    append16(out, 5061);
    out.insert(out.end(), target_wire.begin(), target_wire.end());
    out.insert(out.end(), authority.begin(), authority.end());
    return out;
}

const DnsQuery kQuery{"_sipfederationtls._tcp.partner.example", DnsType::SRV, "127.0.0.1"};
const std::vector<std::string> kAsked{"_sipfederationtls", "_tcp", "partner", "example"};

TEST(DnsAnswer, QueryIsHeaderNameTypeClass) {
    const Bytes query = encode_dns_query("a.example", DnsType::SRV, 0xbeef);
    Bytes expected{0xbe, 0xef, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};  // RD, QDCOUNT 1
    const Bytes name = wire_name({"a", "example"});
    expected.insert(expected.end(), name.begin(), name.end());
    append16(expected, 33);
    append16(expected, 1);
    EXPECT_EQ(query, expected);
    EXPECT_EQ(encode_dns_query("a.example.", DnsType::SRV, 0xbeef), expected);
    EXPECT_TRUE(encode_dns_query(std::string(300, 'a'), DnsType::A, 1).empty());
}

// Names without escapes are encoded without ldns: the same bytes, and the same refusals (empty
// labels, labels over 63 bytes, more than 254 characters), as ldns_dname_new_frm_str. Names
// with escapes (a backslash) or a NUL go to ldns and are in the rows as well.
TEST(DnsAnswer, QueryNamesEncodeAsLdnsDoes) {
    std::vector<std::string> names = {"",
                                      ".",
                                      "a",
                                      "a.",
                                      "..",
                                      ".a",
                                      "a..b",
                                      "A.Example.",
                                      std::string(63, 'x') + ".test",
                                      std::string(64, 'x'),
                                      "\\046.a",
                                      std::string("a\0b", 3),
                                      "\\\\.x",
                                      "x\\"};
    // Around the 254-character limit, with and without the final dot.
    for (std::size_t total = 250; total <= 256; ++total) {
        std::string name;
        while (name.size() < total) {
            name += std::string(std::min<std::size_t>(60, total - name.size()), 'n') + ".";
        }
        names.push_back(name);
        names.push_back(name.substr(0, name.size() - 1));
    }
    std::mt19937 random(20261203);
    const std::string alphabet = "ab.-_Z9.x\xc3\\";
    for (int i = 0; i < 20000; ++i) {
        std::string name(random() % 80, ' ');
        for (char& c : name) c = alphabet[random() % alphabet.size()];
        names.push_back(name);
    }
    Bytes plain;
    Bytes ldns;
    std::size_t encoded = 0;
    for (const auto& name : names) {
        const bool plain_ok = encode_dns_query(name, DnsType::A, 7, plain);
        const bool ldns_ok = encode_dns_query_with_ldns(name, DnsType::A, 7, ldns);
        ASSERT_EQ(plain_ok, ldns_ok) << name;
        EXPECT_EQ(plain, ldns) << name;
        encoded += plain_ok ? 1 : 0;
    }
    // Both outcomes were exercised.
    EXPECT_GT(encoded, 1000u);
    EXPECT_GT(names.size() - encoded, 1000u);
}

TEST(DnsAnswer, SrvTargetInLowerCaseWithEscapes) {
    const Bytes response =
        srv_response(kAsked, {"Sip.1", std::string("\x01z(", 3), "EXAMPLE", "\xc3\xa9"});
    const DnsAnswer answer =
        interpret_dns_response(kQuery, 0x1234, response.data(), response.size());
    ASSERT_EQ(answer.outcome, DnsOutcome::ok) << answer.detail;
    ASSERT_EQ(answer.srv.size(), 1u);
    EXPECT_EQ(answer.srv[0], (SrvRecord{10, 20, 5061, "sip\\.1.\\001z\\(.example.\\195\\169"}));
}

TEST(DnsAnswer, QuestionMatchesWithoutRegardToCase) {
    const Bytes response =
        srv_response({"_SIPfederationTLS", "_tcp", "Partner", "EXAMPLE"}, {"sip", "example"});
    const DnsAnswer answer =
        interpret_dns_response(kQuery, 0x1234, response.data(), response.size());
    EXPECT_EQ(answer.outcome, DnsOutcome::ok) << answer.detail;
}

TEST(DnsAnswer, AnotherIdOrNameIsUnrelated) {
    DnsAnswer answer;
    answer.query = kQuery;
    const Bytes response = srv_response(kAsked, {"sip", "example"});
    EXPECT_EQ(interpret_dns_response(DnsExchange{kQuery.name, 0x1235, false, 8}, response.data(),
                                     response.size(), answer),
              DnsVerdict::unrelated);
    const Bytes other = srv_response({"_sipfederationtls", "_tcp", "partneR", "exampl"}, {"sip"});
    EXPECT_EQ(interpret_dns_response(DnsExchange{kQuery.name, 0x1234, false, 8}, other.data(),
                                     other.size(), answer),
              DnsVerdict::unrelated);
    EXPECT_EQ(answer.outcome, DnsOutcome::timeout);  // untouched
}

TEST(DnsAnswer, CutQuestionOrAnswerIsUnparsable) {
    const Bytes response = srv_response(kAsked, {"sip", "example"});
    DnsAnswer answer;
    answer.query = kQuery;
    for (const std::size_t size : {std::size_t{5}, std::size_t{20}, response.size() - 3}) {
        EXPECT_EQ(interpret_dns_response(DnsExchange{kQuery.name, 0x1234, false, 8},
                                         response.data(), size, answer),
                  DnsVerdict::unparsable)
            << size;
    }
}

// The authority and additional sections are not decoded: the judgement never reads them, so a
// response is judged on its answer even when what follows it is cut short.
TEST(DnsAnswer, SectionsAfterTheAnswerAreNotDecoded) {
    const Bytes cut_authority{0xc0, 0x0c, 0, 2};  // an NS record's owner and type, then nothing
    const Bytes response = srv_response(kAsked, {"sip", "example"}, cut_authority);
    const DnsAnswer answer =
        interpret_dns_response(kQuery, 0x1234, response.data(), response.size());
    EXPECT_EQ(answer.outcome, DnsOutcome::ok) << answer.detail;
    ASSERT_EQ(answer.srv.size(), 1u);
    EXPECT_EQ(answer.srv[0].target, "sip.example");
}

}  // namespace
}  // namespace edgeplan::checks::probes
