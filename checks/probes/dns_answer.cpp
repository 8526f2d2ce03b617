// DNS packets through ldns. A response is decoded only as far as the judgement reads it: the
// header with ldns's wire macros, then the question and answer sections record by record
// (dns_wire_records.h: a plain reader for ordinary responses, ldns_wire2rr for the rest; both
// check every length and compression pointer against the bytes present). The authority and
// additional sections are not decoded (nothing in them changes the answer): building a whole
// ldns_pkt for every response cost more than the rest of the resolver (tests/bench/dns_rate.sh;
// docs/performance.md). What is left here is matching (RFC 5452 section 9.1), the rcode, and
// walking the CNAME chain (RFC 1034 section 3.6.2) with a bound on its length.
#include "checks/probes/dns_answer.h"

#include <netinet/in.h>
#include <sys/socket.h>

// ldns 1.8's common.h #defines bool/true/false unless stdbool.h was seen first.
#include <stdbool.h>
// (separate block: keeps stdbool.h first)
#include <ldns/ldns.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

#include "checks/probes/dns_wire_records.h"
#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {

namespace {

struct RdfDeleter {
    void operator()(ldns_rdf* rdf) const { ldns_rdf_deep_free(rdf); }
};
using RdfPtr = std::unique_ptr<ldns_rdf, RdfDeleter>;

ldns_rr_type rr_type_of(DnsType type) {
    switch (type) {
        case DnsType::A:
            return LDNS_RR_TYPE_A;
        case DnsType::AAAA:
            return LDNS_RR_TYPE_AAAA;
        case DnsType::SRV:
            return LDNS_RR_TYPE_SRV;
        case DnsType::CNAME:
            return LDNS_RR_TYPE_CNAME;
    }
    return LDNS_RR_TYPE_A;
}

// Absolute form for ldns ("name.").
std::string absolute(std::string_view name) {
    std::string text;
    text.reserve(name.size() + 1);
    text.assign(name);
    if (text.empty() || text.back() != '.') text += '.';
    return text;
}

// DNS compares names without regard to ASCII case (RFC 4343); bytes above 0x7f are compared as
// they are.
unsigned char ascii_lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

// Whether two uncompressed wire names (as ldns decodes them) are the same name: the answer to
// ldns_dname_compare(a, b) == 0 without its label-by-label walk. Length bytes (at most 63) are
// below 'A', so lowering every byte leaves them as they are.
bool same_name(WireName a, WireName b) {
    if (a.size != b.size) return false;
    for (std::size_t i = 0; i < a.size; ++i) {
        if (ascii_lower(a.data[i]) != ascii_lower(b.data[i])) return false;
    }
    return true;
}

// ldns_rdf2native_int16: 0 for a field shorter than two bytes.
std::uint16_t int16_of(WireName field) {
    return field.size < 2 ? 0 : static_cast<std::uint16_t>((field.data[0] << 8) | field.data[1]);
}

// Canonical text of a domain name rdf: lower case, no trailing dot. The presentation form is
// ldns_rdf2str's (RFC 1035 section 5.1: a backslash before . ; ( ) and itself, "\DDD" for bytes
// that are not printable ASCII), written here label by label: ldns_rdf2str prints it one
// character per ldns_buffer_printf call, the largest cost left per response in the profile.
std::string dname_text(WireName name) {
    const std::size_t size = name.size;
    const std::uint8_t* data = name.data;
    if (size == 0 || size > LDNS_MAX_DOMAINLEN) return {};
    std::string text;
    text.reserve(size);
    for (std::size_t pos = 0; pos < size && data[pos] != 0;) {
        const std::size_t length = data[pos++];
        if (!text.empty()) text += '.';
        for (std::size_t i = 0; i < length && pos < size; ++i, ++pos) {
            const unsigned char c = data[pos];
            if (c == '.' || c == ';' || c == '(' || c == ')' || c == '\\') {
                text += '\\';
                text += static_cast<char>(c);
            } else if (c < 0x21 || c > 0x7e) {  // isgraph() of the C locale, without the call
                const char digits[] = {'\\', static_cast<char>('0' + c / 100),
                                       static_cast<char>('0' + c / 10 % 10),
                                       static_cast<char>('0' + c % 10)};
                text.append(digits, sizeof digits);
            } else {
                text += static_cast<char>(ascii_lower(c));
            }
        }
    }
    // The root: ldns_rdf2str gives "." and the trailing dot is kept for it alone.
    return text.empty() ? std::string(".") : text;
}

std::optional<std::string> address_text(const WireName* field, int family, std::size_t size) {
    if (field == nullptr || field->size != size) return std::nullopt;
    sockaddr_storage storage{};
    if (family == AF_INET) {
        auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
        v4->sin_family = AF_INET;
        std::copy_n(field->data, size, reinterpret_cast<std::uint8_t*>(&v4->sin_addr));
    } else {
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
        v6->sin6_family = AF_INET6;
        std::copy_n(field->data, size, reinterpret_cast<std::uint8_t*>(&v6->sin6_addr));
    }
    return format_ip(reinterpret_cast<const sockaddr*>(&storage));
}

// `name`: exchange.asked_name in wire form.
bool matches(const DnsExchange& exchange, DnsType type, const std::uint8_t* header,
             WireRecords question, WireName name) {
    if (LDNS_ID_WIRE(header) != exchange.id || !LDNS_QR_WIRE(header)) return false;
    if (question.size != 1) return false;
    const WireRecord& asked = question.data[0];
    if (asked.type != rr_type_of(type) || asked.rr_class != LDNS_RR_CLASS_IN) return false;
    return same_name(asked.owner, name);
}

DnsVerdict done(DnsAnswer& answer, DnsOutcome outcome, std::string detail = {}) {
    answer.outcome = outcome;
    answer.detail = std::move(detail);
    return DnsVerdict::done;
}

// A matching response with rcode NOERROR or NXDOMAIN: follow CNAMEs, then collect the records.
// `name`: exchange.asked_name in wire form, then each CNAME target in turn (a view into
// `answers`, which outlive it).
DnsVerdict read_records(const DnsExchange& exchange, ldns_pkt_rcode rcode, WireRecords answers,
                        WireName name, DnsAnswer& answer) {
    const ldns_rr_type wanted = rr_type_of(answer.query.type);

    // Follow the CNAME chain inside this answer (RFC 1034 3.6.2), bounded and loop-checked.
    const std::size_t chain_before = answer.cname_chain.size();
    if (wanted != LDNS_RR_TYPE_CNAME) {
        for (bool moved = true; moved;) {
            moved = false;
            for (const WireRecord& rr : answers) {
                if (rr.type != LDNS_RR_TYPE_CNAME || rr.rd_count < 1 ||
                    !same_name(rr.owner, name)) {
                    continue;
                }
                const std::string target = dname_text(rr.rdata[0]);
                auto& chain = answer.cname_chain;
                if (std::find(chain.begin(), chain.end(), target) != chain.end() ||
                    static_cast<int>(chain.size()) >= exchange.max_cname_hops) {
                    return done(answer, DnsOutcome::malformed,
                                "CNAME chain loops or exceeds " +
                                    std::to_string(exchange.max_cname_hops) + " hops");
                }
                chain.push_back(target);
                name = rr.rdata[0];
                moved = true;
                break;
            }
        }
    }
    if (rcode == LDNS_RCODE_NXDOMAIN) return done(answer, DnsOutcome::nxdomain, "NXDOMAIN");

    bool found = false;
    for (const WireRecord& rr : answers) {
        if (rr.type != wanted || !same_name(rr.owner, name)) continue;
        const WireName* first = rr.rd_count > 0 ? &rr.rdata[0] : nullptr;
        if (wanted == LDNS_RR_TYPE_A || wanted == LDNS_RR_TYPE_AAAA) {
            const auto text = wanted == LDNS_RR_TYPE_A ? address_text(first, AF_INET, 4)
                                                       : address_text(first, AF_INET6, 16);
            if (!text) return done(answer, DnsOutcome::malformed, "bad address record");
            answer.addresses.push_back(*text);
            found = true;
        } else if (wanted == LDNS_RR_TYPE_SRV) {
            if (rr.rd_count != 4) return done(answer, DnsOutcome::malformed, "bad SRV");
            answer.srv.push_back(SrvRecord{int16_of(rr.rdata[0]), int16_of(rr.rdata[1]),
                                           int16_of(rr.rdata[2]), dname_text(rr.rdata[3])});
            found = true;
        } else if (first != nullptr) {
            answer.cname_chain.push_back(dname_text(*first));
            found = true;
        }
    }
    if (found) return done(answer, DnsOutcome::ok);
    // The chain left this answer without data for its last name (typically a target in
    // another zone): the resolver asks for that name, within the same deadline.
    if (answer.cname_chain.size() > chain_before) return DnsVerdict::follow;
    return done(answer, DnsOutcome::nodata,
                "NOERROR without " + std::string(to_string(answer.query.type)));
}

// The query around a name already in wire form: header, name, type, class.
void write_query(const std::uint8_t* name, std::size_t name_size, DnsType type, std::uint16_t id,
                 std::vector<std::uint8_t>& out) {
    out.assign(LDNS_HEADER_SIZE + name_size + 4, 0);
    std::uint8_t* header = out.data();
    LDNS_ID_SET(header, id);
    LDNS_RD_SET(header);
    ldns_write_uint16(header + LDNS_QDCOUNT_OFF, 1);
    std::copy_n(name, name_size, header + LDNS_HEADER_SIZE);
    ldns_write_uint16(header + LDNS_HEADER_SIZE + name_size,
                      static_cast<std::uint16_t>(rr_type_of(type)));
    ldns_write_uint16(header + LDNS_HEADER_SIZE + name_size + 2,
                      static_cast<std::uint16_t>(LDNS_RR_CLASS_IN));
}

// ldns_str2rdf_dname (ldns 1.8, str2host.c) for the absolute form of a name without escapes
// (no backslash, no NUL): labels of 1-63 characters, at most 254 characters in all with the
// final dot, "." the root. Written into `out` after the header; false when ldns would refuse
// the name. Names with escapes go to ldns itself.
bool write_plain_query(std::string_view name, DnsType type, std::uint16_t id,
                       std::vector<std::uint8_t>& out) {
    const bool dotted = !name.empty() && name.back() == '.';
    const std::size_t characters = name.size() + (dotted ? 0 : 1);
    if (characters == 1) {  // "" or ".": the root
        const std::uint8_t root = 0;
        write_query(&root, 1, type, id, out);
        return true;
    }
    if (characters > 254) return false;
    // One byte per character: each dot becomes the length of the label before it, and one
    // more byte leads (the first label's length) where the final dot's root byte ends.
    std::array<std::uint8_t, 256> wire;
    std::size_t label_at = 0;
    std::size_t length = 1;
    for (std::size_t i = 0; i < characters; ++i) {
        const char c = i < name.size() ? name[i] : '.';
        if (c == '.') {
            const std::size_t label = length - label_at - 1;
            if (label == 0 || label > 63) return false;
            wire[label_at] = static_cast<std::uint8_t>(label);
            label_at = length;
        } else {
            wire[length] = static_cast<std::uint8_t>(c);
        }
        ++length;
    }
    wire[label_at] = 0;  // the root label, where the final dot put the next length
    write_query(wire.data(), length, type, id, out);
    return true;
}

}  // namespace

bool encode_dns_query_with_ldns(std::string_view name, DnsType type, std::uint16_t id,
                                std::vector<std::uint8_t>& out) {
    out.clear();
    RdfPtr owner(ldns_dname_new_frm_str(absolute(name).c_str()));
    if (!owner) return false;
    write_query(ldns_rdf_data(owner.get()), ldns_rdf_size(owner.get()), type, id, out);
    return true;
}

// Written directly (header, name, type, class) rather than through an ldns_pkt and
// ldns_pkt2wire: the same bytes without building and freeing a packet per query. A name
// without escapes is encoded here (ldns_str2rdf_dname and its two allocations were the largest
// cost left in sending a query); one with escapes by ldns.
bool encode_dns_query(std::string_view name, DnsType type, std::uint16_t id,
                      std::vector<std::uint8_t>& out) {
    static_assert(kDnsQueryNameOffset == LDNS_HEADER_SIZE, "the name follows the header");
    // (A plain loop: find_first_of calls memchr once per character.)
    for (const char c : name) {
        if (c == '\\' || c == '\0') return encode_dns_query_with_ldns(name, type, id, out);
    }
    if (write_plain_query(name, type, id, out)) return true;
    out.clear();
    return false;
}

std::vector<std::uint8_t> encode_dns_query(const std::string& name, DnsType type,
                                           std::uint16_t id) {
    std::vector<std::uint8_t> out;
    encode_dns_query(name, type, id, out);
    return out;
}

WireName query_name(const std::vector<std::uint8_t>& query) {
    // Header, name, type and class: the name is what lies between header and the last 4 bytes.
    if (query.size() < LDNS_HEADER_SIZE + 4) return {};
    return WireName{query.data() + LDNS_HEADER_SIZE, query.size() - LDNS_HEADER_SIZE - 4};
}

DnsVerdict interpret_dns_response(const DnsExchange& exchange, const std::uint8_t* data,
                                  std::size_t size, DnsAnswer& answer) {
    if (data == nullptr || size < LDNS_HEADER_SIZE) return DnsVerdict::unparsable;
    WireSections sections;
    if (!sections.decode(data, size)) return DnsVerdict::unparsable;
    RdfPtr parsed;  // asked_name parsed here when the caller has no wire form
    WireName name = exchange.asked_wire;
    if (name.data == nullptr) {
        parsed.reset(ldns_dname_new_frm_str(absolute(exchange.asked_name).c_str()));
        if (!parsed) return DnsVerdict::unrelated;
        name = WireName{ldns_rdf_data(parsed.get()), ldns_rdf_size(parsed.get())};
    }
    if (!matches(exchange, answer.query.type, data, sections.question(), name)) {
        return DnsVerdict::unrelated;
    }
    if (!exchange.over_tcp && LDNS_TC_WIRE(data)) return DnsVerdict::truncated;

    const auto rcode = static_cast<ldns_pkt_rcode>(LDNS_RCODE_WIRE(data));
    if (rcode == LDNS_RCODE_SERVFAIL) return done(answer, DnsOutcome::servfail, "SERVFAIL");
    if (rcode == LDNS_RCODE_REFUSED) return done(answer, DnsOutcome::refused, "REFUSED");
    if (rcode != LDNS_RCODE_NOERROR && rcode != LDNS_RCODE_NXDOMAIN) {
        // FORMERR, NOTIMP, ...: the server could not answer; closest to a server failure.
        return done(answer, DnsOutcome::servfail, "rcode " + std::to_string(rcode));
    }
    return read_records(exchange, rcode, sections.answer(), name, answer);
}

DnsAnswer interpret_dns_response(const DnsQuery& query, std::uint16_t id, const std::uint8_t* data,
                                 std::size_t size) {
    DnsAnswer answer;
    answer.query = query;
    const DnsExchange exchange{query.name, id, false, 8};
    switch (interpret_dns_response(exchange, data, size, answer)) {
        case DnsVerdict::unparsable:
            done(answer, DnsOutcome::malformed, "not a DNS message");
            break;
        case DnsVerdict::unrelated:
            done(answer, DnsOutcome::malformed, "does not answer the query");
            break;
        case DnsVerdict::truncated:
            done(answer, DnsOutcome::malformed, "truncated (TC=1)");
            break;
        case DnsVerdict::follow:
            done(answer, DnsOutcome::nodata, "CNAME target without data");
            break;
        case DnsVerdict::done:
            break;
    }
    return answer;
}

}  // namespace edgeplan::checks::probes
