// The resolver against DNS servers whose UDP answers are hostile: each case must end as
// evidence (malformed, timeout, network_error), never a crash or a wait past the timeout.
#include <vector>

#include "tests/hostile/dns_case.h"
#include "tests/hostile/dns_wire.h"

namespace edgeplan::hostile_test {
namespace {

constexpr std::uint8_t kAddress[4] = {192, 0, 2, 1};

// Replies to each query with what `make` builds from it.
HostilePeer::UdpHandler reply_with(Bytes (*make)(const Bytes& query)) {
    return [make](int fd, const sockaddr_in& from, const Bytes& query) {
        if (query.size() > kDnsHeader) send_to(fd, make(query), from);
    };
}

Bytes compression_loop(const Bytes& query) {
    // The question's name is a pointer to itself (offset 12): a loop a naive reader follows
    // forever.
    Bytes out = response_to(query, 0, 1);
    const Bytes type_class(query.end() - 4, query.end());
    out.resize(kDnsHeader);
    put16(out, 0xC00C);
    out.insert(out.end(), type_class.begin(), type_class.end());
    add_a_record(out, kAddress);
    return out;
}

Bytes pointer_past_end(const Bytes& query) {
    Bytes out = response_to(query, 0, 1);
    for (unsigned v : {0xC1F0u, 1u, 1u, 0u, 300u, 4u}) put16(out, v);  // owner at offset 496
    out.insert(out.end(), kAddress, kAddress + 4);
    return out;
}

Bytes truncated(const Bytes& query) { return response_to(query, 0x0200); }

Bytes other_id(const Bytes& query) {
    Bytes out = response_to(query, 0, 1);
    add_a_record(out, kAddress);
    out[1] = static_cast<std::uint8_t>(out[1] + 1);
    return out;
}

Bytes other_question(const Bytes& query) {
    Bytes out = response_to(query, 0, 1);
    add_a_record(out, kAddress);
    out[kDnsHeader + 1] = 'z';  // first letter of the first label: z.example.test
    return out;
}

Bytes huge_answer_count(const Bytes& query) {
    Bytes out = response_to(query, 0, 65535);
    add_a_record(out, kAddress);
    return out;
}

TEST(HostileDns, UdpAnswersEndAsEvidence) {
    const std::vector<DnsCase> rows = {
        {"malformed - compression pointer loop",
         reply_with(compression_loop),
         {},
         DnsOutcome::malformed},
        {"malformed - compression pointer beyond the packet",
         reply_with(pointer_past_end),
         {},
         DnsOutcome::malformed},
        {"malformed - answer count 65535 in a one-record packet",
         reply_with(huge_answer_count),
         {},
         DnsOutcome::malformed},
        {"timeout - only mismatched IDs", reply_with(other_id), {}, DnsOutcome::timeout},
        {"timeout - only a wrong question", reply_with(other_question), {}, DnsOutcome::timeout},
        {"network_error - TC=1 and nothing listens on TCP",
         reply_with(truncated),
         {},
         DnsOutcome::network_error,
         true},
    };
    for (const auto& row : rows) run_dns_case(row, "127.0.0.81");
}

}  // namespace
}  // namespace edgeplan::hostile_test
