#pragma once
// Hand-made DNS responses for the hostile peers (RFC 1035 section 4.1): they start from the
// query the resolver sent, so ID and question match unless a case breaks them on purpose.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace edgeplan::hostile_test {

constexpr std::size_t kDnsHeader = 12;

inline void put16(std::vector<std::uint8_t>& out, unsigned value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xff));
}

// Length of the first question (name, type, class) of a well-formed query.
inline std::size_t question_length(const std::vector<std::uint8_t>& query) {
    std::size_t at = kDnsHeader;
    while (at < query.size() && query[at] != 0) at += 1u + query[at];
    return at + 1 + 4 - kDnsHeader;
}

// The query turned into a response header: QR set, `extra_flags` or-ed into bytes 2..3,
// ANCOUNT = `answers`, no authority or additional records. Question kept as asked.
inline std::vector<std::uint8_t> response_to(const std::vector<std::uint8_t>& query,
                                             unsigned extra_flags = 0, unsigned answers = 0) {
    std::vector<std::uint8_t> out(query);
    if (out.size() < kDnsHeader) return out;
    const unsigned flags = 0x8180u | extra_flags;  // QR, RD, RA, rcode NOERROR
    out[2] = static_cast<std::uint8_t>(flags >> 8);
    out[3] = static_cast<std::uint8_t>(flags & 0xff);
    out[6] = static_cast<std::uint8_t>(answers >> 8);
    out[7] = static_cast<std::uint8_t>(answers & 0xff);
    out[8] = out[9] = out[10] = out[11] = 0;
    out.resize(kDnsHeader + question_length(query));
    return out;
}

// An A record for the question's name (compression pointer to offset 12).
inline void add_a_record(std::vector<std::uint8_t>& out, const std::uint8_t (&address)[4]) {
    for (unsigned v : {0xC00Cu, 1u, 1u, 0u, 300u, 4u}) put16(out, v);
    out.insert(out.end(), address, address + 4);
}

}  // namespace edgeplan::hostile_test
