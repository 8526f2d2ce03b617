// Plain reader and ldns fallback for a response's question and answer sections (see the
// header). The plain reader gives up, rather than deciding, on anything ldns_wire2rr (ldns
// 1.8, wire2host.c) might read differently: forward or zero compression pointers, label types
// other than length and pointer, rdata longer or shorter than its fields, other record types.
#include "checks/probes/dns_wire_records.h"

// ldns 1.8's common.h #defines bool/true/false unless stdbool.h was seen first.
#include <stdbool.h>
// (separate block: keeps stdbool.h first)
#include <ldns/ldns.h>

#include <algorithm>
#include <cstring>

namespace edgeplan::checks::probes {

namespace {

constexpr std::size_t kHeaderSize = 12;
// Compression pointers followed per name by the plain reader: each points back, so a name has
// few; more is left to ldns.
constexpr int kPlainPointers = 16;

std::uint16_t read16(const std::uint8_t* at) {
    return static_cast<std::uint16_t>((at[0] << 8) | at[1]);
}

// Reads the name at `pos` into `out` as ldns_wire2dname would, and moves `pos` past it (past
// its first pointer, if any); false when the name is not plain. Accepted here means accepted by
// ldns with the same bytes and end: labels of at most 63 bytes inside the message, pointers
// (non-zero, below the pointer itself, so also below `size`) and at most 255 bytes in all.
bool read_plain_name(const std::uint8_t* data, std::size_t size, std::size_t& pos,
                     std::array<std::uint8_t, 255>& out, WireName& name) {
    std::size_t at = pos;
    std::size_t end = 0;  // where the name ends in the record: set at its first pointer
    std::size_t length = 0;
    int pointers = 0;
    while (true) {
        if (at >= size) return false;
        const std::uint8_t label = data[at];
        if (label == 0) {
            if (end == 0) end = at + 1;
            break;
        }
        if (label >= 0xc0) {
            if (at + 2 > size || ++pointers > kPlainPointers) return false;
            const std::size_t target = static_cast<std::size_t>(read16(data + at) & 0x3fff);
            if (target == 0 || target >= at) return false;
            if (end == 0) end = at + 2;
            at = target;
            continue;
        }
        // ldns: at most 254 bytes before the root label.
        if (label > 63 || at + 1 + label > size || length + 1 + label > 254) return false;
        out[length++] = label;
        std::memcpy(out.data() + length, data + at + 1, label);
        length += label;
        at += 1 + label;
    }
    out[length++] = 0;
    name = WireName{out.data(), length};
    pos = end;
    return true;
}

// Fixed rdata as ldns's descriptors read it: A is one 4-byte field, AAAA one of 16 bytes, CNAME
// one name, SRV three 16-bit integers and a name. Anything else is not plain.
bool read_plain_rdata(const std::uint8_t* data, std::size_t size, std::size_t& pos,
                      std::size_t rd_length, std::array<std::uint8_t, 255>& name_room,
                      WireRecord& record) {
    const std::size_t end = pos + rd_length;
    switch (record.type) {
        case LDNS_RR_TYPE_A:
        case LDNS_RR_TYPE_AAAA: {
            if (rd_length != (record.type == LDNS_RR_TYPE_A ? 4u : 16u)) return false;
            record.rdata[0] = WireName{data + pos, rd_length};
            record.rd_count = 1;
            pos = end;
            return true;
        }
        case LDNS_RR_TYPE_CNAME:
        case LDNS_RR_TYPE_SRV: {
            const std::size_t integers = record.type == LDNS_RR_TYPE_SRV ? 3 : 0;
            // ldns reads a name in rdata against the whole message, not the rdata: plain only
            // when it ends exactly where the rdata does.
            if (rd_length < 2 * integers + 1) return false;
            for (std::size_t i = 0; i < integers; ++i) {
                record.rdata[i] = WireName{data + pos, 2};
                pos += 2;
            }
            if (!read_plain_name(data, size, pos, name_room, record.rdata[integers]) ||
                pos != end) {
                return false;
            }
            record.rd_count = integers + 1;
            return true;
        }
        default:
            return false;
    }
}

}  // namespace

void WireSections::LdnsRecordFree::operator()(void* rr) const {
    ldns_rr_free(static_cast<ldns_rr*>(rr));
}

bool WireSections::decode(const std::uint8_t* data, std::size_t size) {
    return decode_plain(data, size) || decode_with_ldns(data, size);
}

bool WireSections::decode_plain(const std::uint8_t* data, std::size_t size) {
    question_ = {};
    answer_ = {};
    if (data == nullptr || size < kHeaderSize) return false;
    const std::size_t questions = read16(data + 4);
    const std::size_t answers = read16(data + 6);
    if (questions != 1 || answers > kPlainRecords - 1) return false;
    std::size_t pos = kHeaderSize;
    for (std::size_t i = 0; i < questions + answers; ++i) {
        WireRecord& record = plain_[i];
        record = WireRecord{};
        if (!read_plain_name(data, size, pos, names_[2 * i], record.owner)) return false;
        const bool question = i < questions;
        // Type and class; then TTL and RDLENGTH outside the question.
        if (pos + (question ? 4 : 10) > size) return false;
        record.type = read16(data + pos);
        record.rr_class = read16(data + pos + 2);
        pos += 4;
        if (question) continue;
        const std::size_t rd_length = read16(data + pos + 4);
        pos += 6;
        if (pos + rd_length > size ||
            !read_plain_rdata(data, size, pos, rd_length, names_[2 * i + 1], record)) {
            return false;
        }
    }
    question_ = WireRecords{plain_.data(), questions};
    answer_ = WireRecords{plain_.data() + questions, answers};
    return true;
}

bool WireSections::decode_with_ldns(const std::uint8_t* data, std::size_t size) {
    question_ = {};
    answer_ = {};
    records_.clear();
    ldns_rrs_.clear();
    if (data == nullptr || size < kHeaderSize) return false;
    const std::size_t questions = LDNS_QDCOUNT(data);
    const std::size_t answers = LDNS_ANCOUNT(data);
    // Each record takes at least 5 bytes (question) or 11 (others): a count the datagram cannot
    // hold fails in the loop below, without reserving room for it first.
    const std::size_t room = std::min(questions + answers, size / 5);
    records_.reserve(room);
    ldns_rrs_.reserve(room);
    std::size_t pos = kHeaderSize;
    for (std::size_t i = 0; i < questions + answers; ++i) {
        ldns_rr* rr = nullptr;
        const auto section = i < questions ? LDNS_SECTION_QUESTION : LDNS_SECTION_ANSWER;
        if (ldns_wire2rr(&rr, data, size, &pos, section) != LDNS_STATUS_OK || rr == nullptr) {
            ldns_rr_free(rr);
            return false;
        }
        ldns_rrs_.emplace_back(rr);
        WireRecord record;
        const ldns_rdf* owner = ldns_rr_owner(rr);
        record.owner = WireName{ldns_rdf_data(owner), ldns_rdf_size(owner)};
        record.type = static_cast<std::uint16_t>(ldns_rr_get_type(rr));
        record.rr_class = static_cast<std::uint16_t>(ldns_rr_get_class(rr));
        record.rd_count = ldns_rr_rd_count(rr);
        for (std::size_t field = 0; field < std::min(record.rd_count, record.rdata.size());
             ++field) {
            const ldns_rdf* rdf = ldns_rr_rdf(rr, field);
            record.rdata[field] = WireName{ldns_rdf_data(rdf), ldns_rdf_size(rdf)};
        }
        records_.push_back(record);
    }
    question_ = WireRecords{records_.data(), questions};
    answer_ = WireRecords{records_.data() + questions, answers};
    return true;
}

}  // namespace edgeplan::checks::probes
