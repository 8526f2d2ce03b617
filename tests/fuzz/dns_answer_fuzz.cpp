// DNS response handling of the resolver (checks/probes/dns_answer.h): the input's first byte
// chooses the exchange (type asked, whether the ID is the packet's own so matching passes,
// which name was asked, TCP or UDP, the CNAME hop limit); the rest is the response. The plain
// section reader (dns_wire_records.h) must decode whatever it accepts as ldns does.
#include <string>
#include <vector>

#include "checks/probes/dns_answer.h"
#include "checks/probes/dns_wire_records.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

using namespace edgeplan::checks::probes;
using edgeplan::fuzz::require;

void check_verdict(DnsVerdict verdict, const DnsAnswer& answer, int max_hops) {
    const bool untouched = answer.addresses.empty() && answer.srv.empty() &&
                           answer.cname_chain.empty() && answer.outcome == DnsOutcome::timeout;
    if (verdict == DnsVerdict::unparsable || verdict == DnsVerdict::unrelated ||
        verdict == DnsVerdict::truncated) {
        require(untouched, "an ignored response changed the answer");
    }
    if (verdict == DnsVerdict::follow) {
        require(!answer.cname_chain.empty(), "follow without a CNAME target");
    }
    if (verdict == DnsVerdict::done && answer.outcome == DnsOutcome::ok) {
        require(!answer.addresses.empty() || !answer.srv.empty() || !answer.cname_chain.empty(),
                "ok without data");
    }
    const int limit = answer.query.type == DnsType::CNAME ? 1 << 16 : max_hops;
    require(static_cast<int>(answer.cname_chain.size()) <= limit, "CNAME chain over the limit");
}

std::vector<std::uint8_t> bytes_of(WireName name) {
    return std::vector<std::uint8_t>(name.data, name.data + name.size);
}

void require_same(WireRecords plain, WireRecords ldns) {
    require(plain.size == ldns.size, "plain reader and ldns differ in record count");
    for (std::size_t i = 0; i < plain.size; ++i) {
        const WireRecord& a = plain.data[i];
        const WireRecord& b = ldns.data[i];
        require(bytes_of(a.owner) == bytes_of(b.owner) && a.type == b.type &&
                    a.rr_class == b.rr_class && a.rd_count == b.rd_count,
                "plain reader and ldns differ in a record");
        for (std::size_t f = 0; f < a.rd_count && f < a.rdata.size(); ++f) {
            require(bytes_of(a.rdata[f]) == bytes_of(b.rdata[f]),
                    "plain reader and ldns differ in rdata");
        }
    }
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(dns_answer) {
    if (size < 1) return;
    const std::uint8_t control = data[0];
    ++data;
    --size;
    DnsAnswer answer;
    answer.query = {"a.example.test", static_cast<DnsType>(control & 3), "127.0.0.1"};
    const bool own_id = (control & 4) != 0 && size >= 2;
    const auto id = own_id ? static_cast<std::uint16_t>((data[0] << 8) | data[1])
                           : static_cast<std::uint16_t>(0x1234);
    const DnsExchange exchange{(control & 8) ? "b.example.test" : "a.example.test", id,
                               (control & 16) != 0, 1 + (control >> 5)};
    check_verdict(interpret_dns_response(exchange, data, size, answer), answer,
                  exchange.max_cname_hops);

    WireSections plain;
    WireSections ldns;
    const bool ldns_ok = ldns.decode_with_ldns(data, size);
    if (plain.decode_plain(data, size)) {
        require(ldns_ok, "the plain reader accepted what ldns refuses");
        require_same(plain.question(), ldns.question());
        require_same(plain.answer(), ldns.answer());
    }

    const DnsAnswer single = interpret_dns_response(answer.query, id, data, size);
    require(single.outcome != DnsOutcome::timeout, "one response left the answer undecided");
}
