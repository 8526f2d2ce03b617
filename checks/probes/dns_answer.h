#pragma once
// The DNS wire format as the resolver needs it, with no sockets: encode a query, and read one
// response into a DnsAnswer. ldns_resolver.cpp runs these for every datagram or TCP message, and
// tests/fuzz/dns_answer_fuzz.cpp feeds them hostile bytes, so the fuzzer exercises the very code
// the resolver runs. ldns stays inside dns_answer.cpp (STYLE.md: probes behind small interfaces).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checks/probes/observation.h"

namespace edgeplan::checks::probes {

// The query for `name` (absolute or not) with recursion desired; empty when `name` is not a
// domain name.
std::vector<std::uint8_t> encode_dns_query(const std::string& name, DnsType type, std::uint16_t id);
// The same bytes written into `out`, whose capacity is reused (the resolver keeps one buffer per
// query slot); false, with `out` empty, when `name` is not a domain name.
bool encode_dns_query(std::string_view name, DnsType type, std::uint16_t id,
                      std::vector<std::uint8_t>& out);
// The same through ldns_dname_new_frm_str for every name: encode_dns_query writes names
// without escapes itself, and tests/probes/dns_answer_test.cpp holds it to this.
bool encode_dns_query_with_ldns(std::string_view name, DnsType type, std::uint16_t id,
                                std::vector<std::uint8_t>& out);

// Where a query made by encode_dns_query carries its name in wire form (right after the header).
constexpr std::size_t kDnsQueryNameOffset = 12;

// A domain name in uncompressed wire form (RFC 1035 section 3.1), borrowed.
struct WireName {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
};

// The name inside a query made by encode_dns_query: a view into `query`.
WireName query_name(const std::vector<std::uint8_t>& query);

// What the resolver does with one response.
enum class DnsVerdict {
    unparsable,  // not a DNS message: ignore over UDP (remember it), the answer over TCP
    unrelated,   // another ID, not a response or another question (RFC 5452 section 9.1)
    truncated,   // TC=1 over UDP: ask again over TCP (RFC 7766)
    done,        // answer.outcome and answer.detail are final
    follow,      // the CNAME chain left this response: ask for answer.cname_chain.back()
};

struct DnsExchange {
    std::string_view asked_name;  // the name of this query: query.name, then CNAME targets
    std::uint16_t id = 0;
    bool over_tcp = false;  // TC is meaningless on a stream
    int max_cname_hops = 8;
    // asked_name in wire form, when the caller has it (query_name of the query it sent): the
    // response's question is compared with it, instead of parsing asked_name again.
    WireName asked_wire = {};
};

// Reads `size` bytes as the response to `exchange` and adds its records and CNAMEs to `answer`
// (whose query says the type asked). Never throws; every length is checked by ldns before use.
DnsVerdict interpret_dns_response(const DnsExchange& exchange, const std::uint8_t* data,
                                  std::size_t size, DnsAnswer& answer);

// One response to a fresh query, as one answer: unparsable and unrelated responses and TC=1
// become `malformed`, and `follow` ends as `nodata` with the chain so far (no second query).
DnsAnswer interpret_dns_response(const DnsQuery& query, std::uint16_t id, const std::uint8_t* data,
                                 std::size_t size);

}  // namespace edgeplan::checks::probes
