#pragma once
// The question and answer sections of a DNS response, record by record, as the resolver's
// judgement reads them (dns_answer.cpp): owner name, type, class and the first rdata fields,
// names uncompressed. A plain response (a few A, AAAA, CNAME or SRV records whose rdata is
// exactly what the type holds, compression pointers that point back) is read here without a
// heap allocation; anything else goes to ldns_wire2rr, record by record, which also decides
// whether the bytes hold the sections at all. Whatever the plain reader accepts, ldns decodes to
// the same records (tests/probes/dns_wire_records_test.cpp compares the two on mutated
// responses). ldns allocated a dozen blocks per response (the record, its owner, every rdata
// field), the largest user-space cost of the resolver at partner scale (docs/performance.md).
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "checks/probes/dns_answer.h"

namespace edgeplan::checks::probes {

struct WireRecord {
    WireName owner;
    std::uint16_t type = 0;
    std::uint16_t rr_class = 0;
    std::size_t rd_count = 0;            // rdata fields decoded (ldns_rr_rd_count)
    std::array<WireName, 4> rdata = {};  // the first four of them; names uncompressed
};

struct WireRecords {
    const WireRecord* data = nullptr;
    std::size_t size = 0;
    const WireRecord* begin() const { return data; }
    const WireRecord* end() const { return data + size; }
};

// One response's decoded sections. The records' views point into this object or into the ldns
// records it owns, so it is neither copied nor moved.
class WireSections {
  public:
    // Records the plain reader holds without allocating (question plus answers).
    static constexpr std::size_t kPlainRecords = 9;

    WireSections() = default;
    WireSections(const WireSections&) = delete;
    WireSections& operator=(const WireSections&) = delete;

    // Decodes the question and answer sections (QDCOUNT and ANCOUNT records after the 12-byte
    // header); false when the bytes do not hold them. The plain reader, else ldns.
    bool decode(const std::uint8_t* data, std::size_t size);
    // The plain reader alone: false when the response is not plain (not a verdict on it).
    bool decode_plain(const std::uint8_t* data, std::size_t size);
    // ldns alone: the reference the plain reader must agree with.
    bool decode_with_ldns(const std::uint8_t* data, std::size_t size);

    WireRecords question() const { return question_; }
    WireRecords answer() const { return answer_; }

  private:
    struct LdnsRecordFree {
        void operator()(void* rr) const;
    };

    WireRecords question_;
    WireRecords answer_;
    std::array<WireRecord, kPlainRecords> plain_;
    // Room for every name of the plain records: an owner and one name in rdata each.
    std::array<std::array<std::uint8_t, 255>, 2 * kPlainRecords> names_;
    std::vector<WireRecord> records_;                              // ldns's, as views
    std::vector<std::unique_ptr<void, LdnsRecordFree>> ldns_rrs_;  // what they point into
};

}  // namespace edgeplan::checks::probes
