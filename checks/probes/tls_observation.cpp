// JSON for the TLS and XMPP observations (tls_observation.h), in the style of observation.cpp.
#include "checks/probes/tls_observation.h"

#include <array>
#include <cstring>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "checks/probes/observation.h"
#include "checks/probes/observation_json.h"

namespace edgeplan::checks::probes {
namespace {

using namespace json_fields;

constexpr std::array<std::pair<SipOutcome, const char*>, 6> kSipOutcomes{{
    {SipOutcome::not_attempted, "not_attempted"},
    {SipOutcome::answered, "answered"},
    {SipOutcome::silent, "silent"},
    {SipOutcome::closed, "closed"},
    {SipOutcome::non_sip, "non_sip"},
    {SipOutcome::skipped_client_cert_required, "skipped_client_cert_required"},
}};

constexpr std::array<std::pair<XmppOutcome, const char*>, 8> kXmppOutcomes{{
    {XmppOutcome::features_read, "features_read"},
    {XmppOutcome::tls_negotiated, "tls_negotiated"},
    {XmppOutcome::connect_failed, "connect_failed"},
    {XmppOutcome::no_stream, "no_stream"},
    {XmppOutcome::stream_error, "stream_error"},
    {XmppOutcome::limit_exceeded, "limit_exceeded"},
    {XmppOutcome::starttls_refused, "starttls_refused"},
    {XmppOutcome::tls_failed, "tls_failed"},
}};

nlohmann::json chain_to_json(const std::vector<DerBlob>& chain) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& der : chain) list.push_back(base64_encode(der));
    return list;
}

std::vector<DerBlob> chain_from_json(const nlohmann::json& json, const char* key) {
    std::vector<DerBlob> chain;
    const auto it = json.find(key);
    if (it == json.end()) return chain;
    if (!it->is_array()) throw ObservationFormatError(std::string(key) + " must be an array");
    for (const auto& item : *it) {
        if (!item.is_string())
            throw ObservationFormatError(std::string(key) + " holds base64 strings");
        chain.push_back(base64_decode(item.get<std::string>()));
    }
    return chain;
}

constexpr const char* kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

const char* to_string(SipOutcome outcome) { return name_of(kSipOutcomes, outcome); }
const char* to_string(XmppOutcome outcome) { return name_of(kXmppOutcomes, outcome); }

std::string base64_encode(const DerBlob& bytes) {
    std::string text;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        for (int shift : {18, 12, 6, 0}) text += kAlphabet[(v >> shift) & 63];
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = bytes[i] << 16;
        text += kAlphabet[(v >> 18) & 63];
        text += kAlphabet[(v >> 12) & 63];
        text += "==";
    } else if (i + 2 == bytes.size()) {
        const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8);
        text += kAlphabet[(v >> 18) & 63];
        text += kAlphabet[(v >> 12) & 63];
        text += kAlphabet[(v >> 6) & 63];
        text += '=';
    }
    return text;
}

DerBlob base64_decode(const std::string& text) {
    if (text.size() % 4 != 0) throw ObservationFormatError("base64 length is not a multiple of 4");
    DerBlob bytes;
    for (std::size_t i = 0; i < text.size(); i += 4) {
        unsigned v = 0;
        int padding = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            if (c == '=' && i + 4 == text.size() && j >= 2) {
                ++padding;
                v <<= 6;
                continue;
            }
            const char* where = c ? std::strchr(kAlphabet, c) : nullptr;
            if (where == nullptr || padding) throw ObservationFormatError("invalid base64");
            v = (v << 6) | static_cast<unsigned>(where - kAlphabet);
        }
        bytes.push_back(static_cast<std::uint8_t>(v >> 16));
        if (padding < 2) bytes.push_back(static_cast<std::uint8_t>(v >> 8));
        if (padding < 1) bytes.push_back(static_cast<std::uint8_t>(v));
    }
    return bytes;
}

bool TlsProbe::operator==(const TlsProbe& other) const {
    return std::tie(address, port, sni, send_sip_options, check_legacy_tls) ==
           std::tie(other.address, other.port, other.sni, other.send_sip_options,
                    other.check_legacy_tls);
}
bool TlsObservation::operator==(const TlsObservation& other) const {
    return std::tie(probe, connected, handshake_ok, error, protocol, cipher, peer_chain,
                    client_cert_requested, client_cert_presented, client_cert_required_failure,
                    legacy_tls_accepted, legacy_protocol, sip_outcome, sip_status_line,
                    sip_status_code, sip_detail, elapsed_ms) ==
           std::tie(other.probe, other.connected, other.handshake_ok, other.error, other.protocol,
                    other.cipher, other.peer_chain, other.client_cert_requested,
                    other.client_cert_presented, other.client_cert_required_failure,
                    other.legacy_tls_accepted, other.legacy_protocol, other.sip_outcome,
                    other.sip_status_line, other.sip_status_code, other.sip_detail,
                    other.elapsed_ms);
}
bool XmppProbe::operator==(const XmppProbe& other) const {
    return std::tie(address, port, domain) == std::tie(other.address, other.port, other.domain);
}
bool XmppObservation::operator==(const XmppObservation& other) const {
    return std::tie(probe, outcome, stream_from, stream_id, stream_version, starttls_offered,
                    starttls_required, dialback_offered, sasl_mechanisms, sasl_external_offered,
                    stream_error, tls_protocol, tls_cipher, peer_chain, detail, elapsed_ms) ==
           std::tie(other.probe, other.outcome, other.stream_from, other.stream_id,
                    other.stream_version, other.starttls_offered, other.starttls_required,
                    other.dialback_offered, other.sasl_mechanisms, other.sasl_external_offered,
                    other.stream_error, other.tls_protocol, other.tls_cipher, other.peer_chain,
                    other.detail, other.elapsed_ms);
}

void to_json(nlohmann::json& json, const TlsProbe& value) {
    json = {{"address", value.address},
            {"port", value.port},
            {"sni", value.sni},
            {"send_sip_options", value.send_sip_options},
            {"check_legacy_tls", value.check_legacy_tls}};
}
void from_json(const nlohmann::json& json, TlsProbe& value) {
    value = TlsProbe{};
    value.address = ip_field(json.at("address"), "address");
    value.port = get_u16(json, "port");
    get_or(json, "sni", value.sni);
    get_or(json, "send_sip_options", value.send_sip_options);
    get_or(json, "check_legacy_tls", value.check_legacy_tls);
}

void to_json(nlohmann::json& json, const TlsObservation& value) {
    json = {{"probe", value.probe},
            {"connected", value.connected},
            {"handshake_ok", value.handshake_ok},
            {"error", value.error},
            {"protocol", value.protocol},
            {"cipher", value.cipher},
            {"peer_chain", chain_to_json(value.peer_chain)},
            {"client_cert_requested", value.client_cert_requested},
            {"client_cert_presented", value.client_cert_presented},
            {"client_cert_required_failure", value.client_cert_required_failure},
            {"legacy_protocol", value.legacy_protocol},
            {"sip_outcome", to_string(value.sip_outcome)},
            {"sip_status_line", value.sip_status_line},
            {"sip_status_code", value.sip_status_code},
            {"sip_detail", value.sip_detail},
            {"elapsed_ms", value.elapsed_ms}};
    put_optional(json, "legacy_tls_accepted", value.legacy_tls_accepted);
}
void from_json(const nlohmann::json& json, TlsObservation& value) {
    value = TlsObservation{};
    value.probe = json.at("probe").get<TlsProbe>();
    get_or(json, "connected", value.connected);
    get_or(json, "handshake_ok", value.handshake_ok);
    get_or(json, "error", value.error);
    get_or(json, "protocol", value.protocol);
    get_or(json, "cipher", value.cipher);
    value.peer_chain = chain_from_json(json, "peer_chain");
    get_or(json, "client_cert_requested", value.client_cert_requested);
    get_or(json, "client_cert_presented", value.client_cert_presented);
    get_or(json, "client_cert_required_failure", value.client_cert_required_failure);
    get_optional(json, "legacy_tls_accepted", value.legacy_tls_accepted);
    get_or(json, "legacy_protocol", value.legacy_protocol);
    if (json.contains("sip_outcome")) {
        value.sip_outcome = value_of(kSipOutcomes, json.at("sip_outcome"), "SIP outcome");
    }
    get_or(json, "sip_status_line", value.sip_status_line);
    get_or(json, "sip_status_code", value.sip_status_code);
    get_or(json, "sip_detail", value.sip_detail);
    get_or(json, "elapsed_ms", value.elapsed_ms);
}

void to_json(nlohmann::json& json, const XmppProbe& value) {
    json = {{"address", value.address}, {"port", value.port}, {"domain", value.domain}};
}
void from_json(const nlohmann::json& json, XmppProbe& value) {
    value = XmppProbe{};
    value.address = ip_field(json.at("address"), "address");
    value.port = get_u16(json, "port");
    value.domain = json.at("domain").get<std::string>();
}

void to_json(nlohmann::json& json, const XmppObservation& value) {
    json = {{"probe", value.probe},
            {"outcome", to_string(value.outcome)},
            {"stream_from", value.stream_from},
            {"stream_id", value.stream_id},
            {"stream_version", value.stream_version},
            {"starttls_offered", value.starttls_offered},
            {"starttls_required", value.starttls_required},
            {"dialback_offered", value.dialback_offered},
            {"sasl_mechanisms", value.sasl_mechanisms},
            {"sasl_external_offered", value.sasl_external_offered},
            {"stream_error", value.stream_error},
            {"tls_protocol", value.tls_protocol},
            {"tls_cipher", value.tls_cipher},
            {"peer_chain", chain_to_json(value.peer_chain)},
            {"detail", value.detail},
            {"elapsed_ms", value.elapsed_ms}};
}
void from_json(const nlohmann::json& json, XmppObservation& value) {
    value = XmppObservation{};
    value.probe = json.at("probe").get<XmppProbe>();
    value.outcome = value_of(kXmppOutcomes, json.at("outcome"), "XMPP outcome");
    get_or(json, "stream_from", value.stream_from);
    get_or(json, "stream_id", value.stream_id);
    get_or(json, "stream_version", value.stream_version);
    get_or(json, "starttls_offered", value.starttls_offered);
    get_or(json, "starttls_required", value.starttls_required);
    get_or(json, "dialback_offered", value.dialback_offered);
    get_or(json, "sasl_mechanisms", value.sasl_mechanisms);
    get_or(json, "sasl_external_offered", value.sasl_external_offered);
    get_or(json, "stream_error", value.stream_error);
    get_or(json, "tls_protocol", value.tls_protocol);
    get_or(json, "tls_cipher", value.tls_cipher);
    value.peer_chain = chain_from_json(json, "peer_chain");
    get_or(json, "detail", value.detail);
    get_or(json, "elapsed_ms", value.elapsed_ms);
}

}  // namespace edgeplan::checks::probes
