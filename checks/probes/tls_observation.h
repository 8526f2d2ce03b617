#pragma once
// Plain data for the TLS and XMPP probes (tls_prober.h, xmpp_prober.h), with JSON
// (de)serialisation for --record / --replay like observation.h. Certificates travel as DER
// (base64 in JSON); checks/certificates/certificate_parser.h turns them into CertificateFacts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace edgeplan::checks::probes {

using DerBlob = std::vector<std::uint8_t>;

// Certificates kept of a presented chain (leaf first); the rest is dropped. A chain that long
// is no real deployment's: the certificate checks say so in their evidence when it is reached.
inline constexpr int kMaxChainCertificates = 16;

// ---- TLS (Access Edge 443/5061, Web Conferencing 443, per member) ----

struct TlsProbe {
    std::string address;  // literal IP of the endpoint (one pool member, VIP or public address)
    std::uint16_t port = 443;
    std::string sni;                // the FQDN the certificate must serve (Access Edge / Web Conf)
    bool send_sip_options = false;  // SIP OPTIONS after the handshake (Access Edge 443 and 5061)
    bool check_legacy_tls = false;  // a second handshake offering only TLS 1.0/1.1
    bool operator==(const TlsProbe& other) const;
};

enum class SipOutcome {
    not_attempted,                 // not asked for, or the handshake failed
    answered,                      // a SIP status line came back: a SIP server is behind
    silent,                        // nothing before the deadline
    closed,                        // the server closed without a byte
    non_sip,                       // bytes that are not a SIP response
    skipped_client_cert_required,  // mutual TLS without --client-cert (evidence, not a fail)
};
const char* to_string(SipOutcome outcome);

struct TlsObservation {
    TlsProbe probe;
    bool connected = false;     // TCP connect succeeded
    bool handshake_ok = false;  // TLS handshake completed (and was not rejected right after)
    std::string error;          // why not, for connect or handshake failures
    std::string protocol;       // "TLSv1.3"
    std::string cipher;
    std::vector<DerBlob> peer_chain;  // leaf first, as presented (also when the handshake failed
                                      // after the server's Certificate message)
    bool client_cert_requested = false;
    bool client_cert_presented = false;
    // The server insisted on a client certificate and none was given: evidence, not a fail.
    bool client_cert_required_failure = false;
    std::optional<bool> legacy_tls_accepted;  // nullopt when not tested
    std::string legacy_protocol;              // the legacy version the server took
    SipOutcome sip_outcome = SipOutcome::not_attempted;
    std::string sip_status_line;
    int sip_status_code = 0;
    std::string sip_detail;  // why non_sip / silent
    std::int64_t elapsed_ms = 0;
    bool operator==(const TlsObservation& other) const;
};

// ---- XMPP server-to-server (Access Edge 5269) ----

struct XmppProbe {
    std::string address;
    std::uint16_t port = 5269;
    std::string domain;  // the XMPP domain: stream 'to' and the SNI after STARTTLS
    bool operator==(const XmppProbe& other) const;
};

enum class XmppOutcome {
    features_read,   // stream header and features read (see the fields for what was offered)
    tls_negotiated,  // STARTTLS proceeded and the TLS handshake completed
    connect_failed,
    no_stream,         // the peer did not open a jabber:server stream (closed, silence, not XML)
    stream_error,      // <stream:error> from the peer
    limit_exceeded,    // the stream exceeded the size, depth or time bound before the features
    starttls_refused,  // <failure/> or anything but <proceed/>
    tls_failed,        // the handshake after <proceed/> failed
};
const char* to_string(XmppOutcome outcome);

struct XmppObservation {
    XmppProbe probe;
    XmppOutcome outcome = XmppOutcome::connect_failed;
    std::string stream_from;  // 'from' of the peer's stream header
    std::string stream_id;
    std::string stream_version;
    bool starttls_offered = false;
    bool starttls_required = false;
    bool dialback_offered = false;  // urn:xmpp:features:dialback
    std::vector<std::string> sasl_mechanisms;
    bool sasl_external_offered = false;
    std::string stream_error;  // condition name of <stream:error>
    std::string tls_protocol;
    std::string tls_cipher;
    std::vector<DerBlob> peer_chain;
    std::string detail;
    std::int64_t elapsed_ms = 0;
    bool operator==(const XmppObservation& other) const;
};

std::string base64_encode(const DerBlob& bytes);
// Throws ObservationFormatError on invalid base64.
DerBlob base64_decode(const std::string& text);

void to_json(nlohmann::json& json, const TlsProbe& value);
void from_json(const nlohmann::json& json, TlsProbe& value);
void to_json(nlohmann::json& json, const TlsObservation& value);
void from_json(const nlohmann::json& json, TlsObservation& value);
void to_json(nlohmann::json& json, const XmppProbe& value);
void from_json(const nlohmann::json& json, XmppProbe& value);
void to_json(nlohmann::json& json, const XmppObservation& value);
void from_json(const nlohmann::json& json, XmppObservation& value);

}  // namespace edgeplan::checks::probes
