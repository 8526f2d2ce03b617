#pragma once
// Plain data for what the live checks ask the network and what it answered. Probe backends
// (ldns_resolver.cpp, epoll_port_prober.cpp, stun_prober.cpp) fill these; checks read them;
// --record writes them as JSON and --replay reads them back, so checks are testable offline
// (STYLE.md: recorded traffic replayed in tests, as Zonemaster does).
#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "checks/probes/tls_observation.h"
#include "checks/probes/token_echo_prober.h"

namespace edgeplan::checks::probes {

// Thrown when recorded observations (JSON) do not have the documented shape.
class ObservationFormatError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// ---- DNS ----

enum class DnsType { A, AAAA, SRV, CNAME };
const char* to_string(DnsType type);

struct DnsQuery {
    std::string name;  // FQDN, with or without the trailing dot
    DnsType type = DnsType::A;
    std::string server;  // "ADDR[:PORT]"; IPv6 as "ADDR" or "[ADDR]:PORT"; port defaults to 53
    bool operator==(const DnsQuery& other) const;
};

// Outcomes a check must tell apart: NXDOMAIN (name missing) is not NODATA (name exists, no
// record of that type), and neither is a timeout or a server failure.
enum class DnsOutcome {
    ok,
    nxdomain,
    nodata,
    servfail,
    refused,
    timeout,
    network_error,
    malformed
};
const char* to_string(DnsOutcome outcome);

struct SrvRecord {
    std::uint16_t priority = 0;
    std::uint16_t weight = 0;
    std::uint16_t port = 0;
    std::string target;  // lower case, no trailing dot
    bool operator==(const SrvRecord& other) const;
};

struct DnsAnswer {
    DnsQuery query;
    DnsOutcome outcome = DnsOutcome::timeout;
    std::vector<std::string> addresses;     // A/AAAA, canonical text (inet_ntop)
    std::vector<SrvRecord> srv;             // SRV, in answer order
    std::vector<std::string> cname_chain;   // CNAME targets followed from query.name, in order
    bool truncated_retry_over_tcp = false;  // UDP answer had TC=1; the answer came over TCP
    std::int64_t elapsed_ms = 0;
    std::string detail;  // why, for outcomes other than ok (shown as evidence)
    bool operator==(const DnsAnswer& other) const;
};

// ---- TCP ----

struct TcpProbe {
    std::string address;  // IPv4 or IPv6 literal
    std::uint16_t port = 0;
    // Bind here before connecting. On Linux the ephemeral range overlaps the A/V media range
    // 50000-59999, so a loopback probe of such a port can connect to itself; a distinct source
    // address rules that out (self-connects are also detected and reported as closed).
    std::optional<std::string> source_address;
    bool operator==(const TcpProbe& other) const;
};

enum class TcpOutcome {
    open,         // handshake completed
    closed,       // RST (ECONNREFUSED)
    filtered,     // no answer before the deadline
    unreachable,  // ICMP unreachable, EHOSTUNREACH / ENETUNREACH
    local_error,  // the probe could not be run here (socket/bind failed); not evidence
};
const char* to_string(TcpOutcome outcome);

struct TcpObservation {
    TcpProbe probe;
    TcpOutcome outcome = TcpOutcome::filtered;
    std::int64_t elapsed_ms = 0;
    std::string detail;
    bool operator==(const TcpObservation& other) const;
};

// ---- UDP STUN / MS-TURN ----

struct UdpStunProbe {
    std::string address;
    std::uint16_t port = 3478;
    bool operator==(const UdpStunProbe& other) const;
};

struct StunOutcome {
    bool binding_answered = false;              // any RFC 5389 Binding response (success or error)
    bool msturn_allocate_answered = false;      // any MS-TURN Allocate response (401 proves reach)
    std::optional<int> error_code;              // ERROR-CODE of the Allocate answer (e.g. 401)
    std::optional<std::string> mapped_address;  // "ADDR:PORT" / "[ADDR]:PORT" from Binding
    bool silence = true;                        // no STUN answer at all before the deadline
    bool port_unreachable = false;              // ICMP port unreachable came back instead
    int malformed_responses = 0;                // datagrams that failed the strict parser (ignored)
    bool operator==(const StunOutcome& other) const;
};

struct StunObservation {
    UdpStunProbe probe;
    StunOutcome outcome;
    std::int64_t elapsed_ms = 0;
    std::string detail;
    bool operator==(const StunObservation& other) const;
};

// Everything one live run observed: the unit --record writes and --replay reads.
struct Observations {
    std::vector<DnsAnswer> dns;
    std::vector<TcpObservation> tcp;
    std::vector<StunObservation> stun;
    // TLS (Access Edge, Web Conferencing, internal 5061) and XMPP 5269, serialised as in
    // tls_observation.h; probed only where the TCP probe of the same endpoint found it open.
    std::vector<TlsObservation> tls;
    std::vector<XmppObservation> xmpp;
    // Token echo toward --responder (--from edge): one result per (address, port, transport).
    std::vector<EchoResult> token_echo;
    bool operator==(const Observations& other) const;
};

// JSON (de)serialisation, found by nlohmann through ADL. from_json throws
// ObservationFormatError for unknown enum names or wrong types.
void to_json(nlohmann::json& json, const DnsQuery& value);
void from_json(const nlohmann::json& json, DnsQuery& value);
void to_json(nlohmann::json& json, const SrvRecord& value);
void from_json(const nlohmann::json& json, SrvRecord& value);
void to_json(nlohmann::json& json, const DnsAnswer& value);
void from_json(const nlohmann::json& json, DnsAnswer& value);
void to_json(nlohmann::json& json, const TcpProbe& value);
void from_json(const nlohmann::json& json, TcpProbe& value);
void to_json(nlohmann::json& json, const TcpObservation& value);
void from_json(const nlohmann::json& json, TcpObservation& value);
void to_json(nlohmann::json& json, const UdpStunProbe& value);
void from_json(const nlohmann::json& json, UdpStunProbe& value);
void to_json(nlohmann::json& json, const StunOutcome& value);
void from_json(const nlohmann::json& json, StunOutcome& value);
void to_json(nlohmann::json& json, const StunObservation& value);
void from_json(const nlohmann::json& json, StunObservation& value);
bool operator==(const EchoTarget& a, const EchoTarget& b);
bool operator==(const EchoResult& a, const EchoResult& b);
void to_json(nlohmann::json& json, const EchoTarget& value);
void from_json(const nlohmann::json& json, EchoTarget& value);
void to_json(nlohmann::json& json, const EchoResult& value);
void from_json(const nlohmann::json& json, EchoResult& value);
void to_json(nlohmann::json& json, const Observations& value);
void from_json(const nlohmann::json& json, Observations& value);

// Text helpers for --record / --replay files; parse throws ObservationFormatError.
std::string observations_to_json_text(const Observations& observations);
Observations observations_from_json_text(const std::string& text);

// The servers of `observations.dns` from which no query got any answer (every one timed out or
// could not be sent): a server that is down or unreachable from here.
std::set<std::string> silent_dns_servers(const Observations& observations);

}  // namespace edgeplan::checks::probes
