// DNS packets through ldns: ldns_wire2pkt checks every length and compression pointer against the
// bytes present, so what is left here is matching (RFC 5452 section 9.1), the rcode, and walking
// the CNAME chain (RFC 1034 section 3.6.2) with a bound on its length.
#include "checks/probes/dns_answer.h"

#include <netinet/in.h>
#include <sys/socket.h>

// ldns 1.8's common.h #defines bool/true/false unless stdbool.h was seen first.
#include <ldns/ldns.h>
#include <stdbool.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <optional>

#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {

namespace {

struct PktDeleter {
    void operator()(ldns_pkt* packet) const { ldns_pkt_free(packet); }
};
using PktPtr = std::unique_ptr<ldns_pkt, PktDeleter>;

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
std::string absolute(std::string name) {
    if (name.empty() || name.back() != '.') name += '.';
    return name;
}

// Canonical text of a domain name rdf: lower case, no trailing dot.
std::string dname_text(const ldns_rdf* rdf) {
    char* raw = ldns_rdf2str(rdf);
    if (raw == nullptr) return {};
    std::string text(raw);
    std::free(raw);
    if (text.size() > 1 && text.back() == '.') text.pop_back();
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::optional<std::string> address_text(const ldns_rdf* rdf, int family, std::size_t size) {
    if (rdf == nullptr || ldns_rdf_size(rdf) != size) return std::nullopt;
    sockaddr_storage storage{};
    if (family == AF_INET) {
        auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
        v4->sin_family = AF_INET;
        std::copy_n(ldns_rdf_data(rdf), size, reinterpret_cast<std::uint8_t*>(&v4->sin_addr));
    } else {
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
        v6->sin6_family = AF_INET6;
        std::copy_n(ldns_rdf_data(rdf), size, reinterpret_cast<std::uint8_t*>(&v6->sin6_addr));
    }
    return format_ip(reinterpret_cast<const sockaddr*>(&storage));
}

bool matches(const DnsExchange& exchange, DnsType type, const ldns_pkt* packet) {
    if (ldns_pkt_id(packet) != exchange.id || !ldns_pkt_qr(packet)) return false;
    const ldns_rr_list* question = ldns_pkt_question(packet);
    if (question == nullptr || ldns_rr_list_rr_count(question) != 1) return false;
    const ldns_rr* asked = ldns_rr_list_rr(question, 0);
    if (ldns_rr_get_type(asked) != rr_type_of(type) ||
        ldns_rr_get_class(asked) != LDNS_RR_CLASS_IN) {
        return false;
    }
    RdfPtr expected(ldns_dname_new_frm_str(absolute(exchange.asked_name).c_str()));
    return expected && ldns_dname_compare(ldns_rr_owner(asked), expected.get()) == 0;
}

DnsVerdict done(DnsAnswer& answer, DnsOutcome outcome, std::string detail = {}) {
    answer.outcome = outcome;
    answer.detail = std::move(detail);
    return DnsVerdict::done;
}

// A matching response with rcode NOERROR or NXDOMAIN: follow CNAMEs, then collect the records.
DnsVerdict read_records(const DnsExchange& exchange, const ldns_pkt* packet, DnsAnswer& answer) {
    const ldns_pkt_rcode rcode = ldns_pkt_get_rcode(packet);
    const ldns_rr_type wanted = rr_type_of(answer.query.type);
    const ldns_rr_list* answers = ldns_pkt_answer(packet);
    const std::size_t count = answers ? ldns_rr_list_rr_count(answers) : 0;

    // Follow the CNAME chain inside this answer (RFC 1034 3.6.2), bounded and loop-checked.
    const std::size_t chain_before = answer.cname_chain.size();
    RdfPtr name(ldns_dname_new_frm_str(absolute(exchange.asked_name).c_str()));
    if (!name) return done(answer, DnsOutcome::malformed, "bad name " + exchange.asked_name);
    if (wanted != LDNS_RR_TYPE_CNAME) {
        for (bool moved = true; moved;) {
            moved = false;
            for (std::size_t i = 0; i < count; ++i) {
                const ldns_rr* rr = ldns_rr_list_rr(answers, i);
                if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_CNAME || ldns_rr_rd_count(rr) < 1 ||
                    ldns_dname_compare(ldns_rr_owner(rr), name.get()) != 0) {
                    continue;
                }
                const std::string target = dname_text(ldns_rr_rdf(rr, 0));
                auto& chain = answer.cname_chain;
                if (std::find(chain.begin(), chain.end(), target) != chain.end() ||
                    static_cast<int>(chain.size()) >= exchange.max_cname_hops) {
                    return done(answer, DnsOutcome::malformed,
                                "CNAME chain loops or exceeds " +
                                    std::to_string(exchange.max_cname_hops) + " hops");
                }
                chain.push_back(target);
                name.reset(ldns_rdf_clone(ldns_rr_rdf(rr, 0)));
                moved = true;
                break;
            }
        }
    }
    if (rcode == LDNS_RCODE_NXDOMAIN) return done(answer, DnsOutcome::nxdomain, "NXDOMAIN");

    bool found = false;
    for (std::size_t i = 0; i < count; ++i) {
        const ldns_rr* rr = ldns_rr_list_rr(answers, i);
        if (ldns_rr_get_type(rr) != wanted ||
            ldns_dname_compare(ldns_rr_owner(rr), name.get()) != 0) {
            continue;
        }
        const ldns_rdf* first = ldns_rr_rd_count(rr) > 0 ? ldns_rr_rdf(rr, 0) : nullptr;
        if (wanted == LDNS_RR_TYPE_A || wanted == LDNS_RR_TYPE_AAAA) {
            const auto text = wanted == LDNS_RR_TYPE_A ? address_text(first, AF_INET, 4)
                                                       : address_text(first, AF_INET6, 16);
            if (!text) return done(answer, DnsOutcome::malformed, "bad address record");
            answer.addresses.push_back(*text);
            found = true;
        } else if (wanted == LDNS_RR_TYPE_SRV) {
            if (ldns_rr_rd_count(rr) != 4) return done(answer, DnsOutcome::malformed, "bad SRV");
            answer.srv.push_back(SrvRecord{ldns_rdf2native_int16(ldns_rr_rdf(rr, 0)),
                                           ldns_rdf2native_int16(ldns_rr_rdf(rr, 1)),
                                           ldns_rdf2native_int16(ldns_rr_rdf(rr, 2)),
                                           dname_text(ldns_rr_rdf(rr, 3))});
            found = true;
        } else if (first != nullptr) {
            answer.cname_chain.push_back(dname_text(first));
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

}  // namespace

std::vector<std::uint8_t> encode_dns_query(const std::string& name, DnsType type,
                                           std::uint16_t id) {
    ldns_rdf* owner = ldns_dname_new_frm_str(absolute(name).c_str());
    if (owner == nullptr) return {};
    PktPtr packet(ldns_pkt_query_new(owner, rr_type_of(type), LDNS_RR_CLASS_IN, LDNS_RD));
    if (!packet) return {};
    ldns_pkt_set_id(packet.get(), id);
    std::uint8_t* wire = nullptr;
    std::size_t size = 0;
    std::vector<std::uint8_t> out;
    if (ldns_pkt2wire(&wire, packet.get(), &size) == LDNS_STATUS_OK && wire != nullptr) {
        out.assign(wire, wire + size);
    }
    std::free(wire);
    return out;
}

DnsVerdict interpret_dns_response(const DnsExchange& exchange, const std::uint8_t* data,
                                  std::size_t size, DnsAnswer& answer) {
    ldns_pkt* raw = nullptr;
    const ldns_status status = ldns_wire2pkt(&raw, data, size);
    PktPtr packet(raw);
    if (status != LDNS_STATUS_OK || !packet) return DnsVerdict::unparsable;
    if (!matches(exchange, answer.query.type, packet.get())) return DnsVerdict::unrelated;
    if (!exchange.over_tcp && ldns_pkt_tc(packet.get())) return DnsVerdict::truncated;

    const ldns_pkt_rcode rcode = ldns_pkt_get_rcode(packet.get());
    if (rcode == LDNS_RCODE_SERVFAIL) return done(answer, DnsOutcome::servfail, "SERVFAIL");
    if (rcode == LDNS_RCODE_REFUSED) return done(answer, DnsOutcome::refused, "REFUSED");
    if (rcode != LDNS_RCODE_NOERROR && rcode != LDNS_RCODE_NXDOMAIN) {
        // FORMERR, NOTIMP, ...: the server could not answer; closest to a server failure.
        return done(answer, DnsOutcome::servfail, "rcode " + std::to_string(rcode));
    }
    return read_records(exchange, packet.get(), answer);
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
