// The plain reader of a response's sections (checks/probes/dns_wire_records.h) against ldns:
// whatever the plain reader accepts, ldns must decode to the same records; what it declines
// (forward pointers, other record types, rdata longer than its fields) is left to ldns. The
// mutations are drawn from a fixed seed, so a failure repeats.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "checks/probes/dns_wire_records.h"

namespace edgeplan::checks::probes {
namespace {

using Bytes = std::vector<std::uint8_t>;

void append16(Bytes& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xff));
}

void append_name(Bytes& out, const std::vector<std::string>& labels) {
    for (const auto& label : labels) {
        out.push_back(static_cast<std::uint8_t>(label.size()));
        out.insert(out.end(), label.begin(), label.end());
    }
    out.push_back(0);
}

Bytes header(std::uint16_t questions, std::uint16_t answers) {
    Bytes out;
    append16(out, 0x1234);
    append16(out, 0x8180);
    append16(out, questions);
    append16(out, answers);
    append16(out, 0);
    append16(out, 0);
    return out;
}

// Owner (a pointer or a name), type, class IN, TTL and rdata.
void append_record(Bytes& out, const Bytes& owner, std::uint16_t type, const Bytes& rdata) {
    out.insert(out.end(), owner.begin(), owner.end());
    append16(out, type);
    append16(out, 1);
    append16(out, 0);
    append16(out, 3600);
    append16(out, static_cast<std::uint16_t>(rdata.size()));
    out.insert(out.end(), rdata.begin(), rdata.end());
}

const Bytes kToQuestion{0xc0, 0x0c};

// What NSD sends for a partner's SRV: the target spelled out, the owner a pointer.
Bytes srv_response() {
    Bytes out = header(1, 1);
    append_name(out, {"_sipfederationtls", "_tcp", "partner00001", "partners", "example"});
    append16(out, 33);
    append16(out, 1);
    Bytes rdata;
    append16(rdata, 0);
    append16(rdata, 5);
    append16(rdata, 5061);
    append_name(rdata, {"sip", "partner00001", "partners", "example"});
    append_record(out, kToQuestion, 33, rdata);
    return out;
}

// An A question answered through a CNAME whose target's labels point back into the question.
Bytes cname_response() {
    Bytes out = header(1, 3);
    append_name(out, {"sip", "a", "example"});  // at 12; "a.example" at 16
    append16(out, 1);
    append16(out, 1);
    append_record(out, kToQuestion, 5, {4, 'e', 'd', 'g', 'e', 0xc0, 16});
    const std::uint16_t edge = static_cast<std::uint16_t>(out.size() - 7);
    append_record(
        out,
        {static_cast<std::uint8_t>(0xc0 | (edge >> 8)), static_cast<std::uint8_t>(edge & 0xff)}, 1,
        {192, 0, 2, 7});
    append_record(out, kToQuestion, 28, Bytes(16, 0x20));
    return out;
}

void expect_same(const WireRecords& a, const WireRecords& b, const std::string& where) {
    ASSERT_EQ(a.size, b.size) << where;
    for (std::size_t i = 0; i < a.size; ++i) {
        const WireRecord& x = a.data[i];
        const WireRecord& y = b.data[i];
        EXPECT_EQ(Bytes(x.owner.data, x.owner.data + x.owner.size),
                  Bytes(y.owner.data, y.owner.data + y.owner.size))
            << where;
        EXPECT_EQ(x.type, y.type) << where;
        EXPECT_EQ(x.rr_class, y.rr_class) << where;
        ASSERT_EQ(x.rd_count, y.rd_count) << where;
        for (std::size_t f = 0; f < std::min<std::size_t>(x.rd_count, 4); ++f) {
            EXPECT_EQ(Bytes(x.rdata[f].data, x.rdata[f].data + x.rdata[f].size),
                      Bytes(y.rdata[f].data, y.rdata[f].data + y.rdata[f].size))
                << where << " field " << f;
        }
    }
}

TEST(DnsWireRecords, PlainSrvAnswerIsReadWithoutLdnsAndAgreesWithIt) {
    const Bytes response = srv_response();
    WireSections plain;
    WireSections ldns;
    ASSERT_TRUE(plain.decode_plain(response.data(), response.size()));
    ASSERT_TRUE(ldns.decode_with_ldns(response.data(), response.size()));
    expect_same(plain.question(), ldns.question(), "question");
    expect_same(plain.answer(), ldns.answer(), "answer");
    ASSERT_EQ(plain.answer().size, 1u);
    EXPECT_EQ(plain.answer().data[0].rd_count, 4u);
    EXPECT_EQ(plain.answer().data[0].owner.size, 54u);  // the question's name, uncompressed
}

TEST(DnsWireRecords, WhatThePlainReaderDeclinesLdnsDecides) {
    // A forward pointer: ldns follows it, the plain reader does not.
    Bytes forward = header(1, 1);
    forward.insert(forward.end(), {0xc0, 0x10});  // -> offset 16, after this question
    append16(forward, 1);
    append16(forward, 1);
    append_record(forward, {1, 'a', 0}, 1, {192, 0, 2, 1});
    WireSections sections;
    EXPECT_FALSE(sections.decode_plain(forward.data(), forward.size()));
    EXPECT_TRUE(sections.decode(forward.data(), forward.size()));
    // An NS record in the answer, and an A record with 5 bytes of rdata: ldns reads 4 of them.
    for (const auto& [type, rdata] : {std::pair<std::uint16_t, Bytes>{2, {1, 'n', 0}},
                                      std::pair<std::uint16_t, Bytes>{1, {1, 2, 3, 4, 0}}}) {
        Bytes response = header(1, 1);
        append_name(response, {"a"});
        append16(response, 1);
        append16(response, 1);
        append_record(response, kToQuestion, type, rdata);
        EXPECT_FALSE(sections.decode_plain(response.data(), response.size())) << type;
        WireSections ldns;
        EXPECT_EQ(sections.decode(response.data(), response.size()),
                  ldns.decode_with_ldns(response.data(), response.size()))
            << type;
    }
    // Cut inside the SRV target: neither reads it.
    const Bytes cut = srv_response();
    EXPECT_FALSE(sections.decode(cut.data(), cut.size() - 3));
}

// Every mutation the plain reader accepts decodes to the same records with ldns, and decode()
// agrees with ldns on whether the bytes hold the sections at all.
TEST(DnsWireRecords, PlainReaderAgreesWithLdnsOnMutatedResponses) {
    std::mt19937 random(20261203);
    std::size_t plain_accepted = 0;
    std::size_t rejected = 0;
    for (const Bytes& original : {srv_response(), cname_response()}) {
        for (int round = 0; round < 20000; ++round) {
            Bytes bytes = original;
            const int edits = 1 + static_cast<int>(random() % 3);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = random() % bytes.size();
                switch (random() % 4) {
                    case 0:  // a random byte, often a length or pointer
                        bytes[at] = static_cast<std::uint8_t>(random());
                        break;
                    case 1:  // a compression pointer anywhere
                        bytes[at] = static_cast<std::uint8_t>(0xc0 | (random() % 2));
                        break;
                    case 2:  // cut short
                        bytes.resize(std::max<std::size_t>(at, 1));
                        break;
                    default:  // a small count or length
                        bytes[at] = static_cast<std::uint8_t>(random() % 8);
                        break;
                }
            }
            const std::string where = "round " + std::to_string(round);
            WireSections plain;
            WireSections ldns;
            const bool ldns_ok = ldns.decode_with_ldns(bytes.data(), bytes.size());
            if (plain.decode_plain(bytes.data(), bytes.size())) {
                ++plain_accepted;
                ASSERT_TRUE(ldns_ok) << where;
                expect_same(plain.question(), ldns.question(), where);
                expect_same(plain.answer(), ldns.answer(), where);
            }
            if (!ldns_ok) ++rejected;
            WireSections either;
            ASSERT_EQ(either.decode(bytes.data(), bytes.size()), ldns_ok) << where;
        }
    }
    // Both outcomes were exercised, not only one.
    EXPECT_GT(plain_accepted, 2000u);
    EXPECT_GT(rejected, 2000u);
}

}  // namespace
}  // namespace edgeplan::checks::probes
