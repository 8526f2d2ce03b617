#pragma once
// What a certificate shows, as plain data: the rules (certificate_rules.h) read only this, so the
// same rules run on a file before installation and on a chain read from a live endpoint. The
// OpenSSL parser (certificate_parser_openssl.cpp) is the only place that fills it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "checks/utc_clock.h"

namespace edgeplan::checks::certificates {

using Clock = UtcClock;
using Der = std::vector<std::uint8_t>;

// A certificate file or chain that cannot be read: wrong format, wrong password, truncated.
class CertificateLoadError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class KeyType { rsa, ec, ed25519, ed448, dsa, other };
const char* to_string(KeyType type);

// Dotted OIDs of the extended key usages the rules look at (RFC 5280 4.2.1.12).
inline constexpr const char* kEkuServerAuth = "1.3.6.1.5.5.7.3.1";
inline constexpr const char* kEkuClientAuth = "1.3.6.1.5.5.7.3.2";

struct ChainVerification {
    bool attempted = false;  // false when no verification was asked for
    bool trusted = false;    // the chain builds to a trust anchor at `now`
    std::string error;       // OpenSSL's reason when not trusted ("unable to get local issuer")
    std::vector<std::string> chain_subjects;  // leaf first, as OpenSSL built it (or as presented)
};

struct CertificateFacts {
    std::string subject_cn;            // the last CN of the subject; empty when none
    std::string subject_dn;            // RFC 2253 text
    std::string issuer_dn;             // RFC 2253 text
    std::vector<std::string> san_dns;  // SAN dNSName entries, as written (lower-cased)
    std::vector<std::string> ekus;     // dotted OIDs; empty when the extension is absent
    bool eku_extension_present = false;
    KeyType key_type = KeyType::other;
    int key_bits = 0;                 // RSA modulus / EC field size
    std::string key_curve;            // EC curve short name ("prime256v1"), empty otherwise
    std::string signature_algorithm;  // OpenSSL long name ("sha256WithRSAEncryption")
    std::string signature_hash;       // "SHA256", "SHA1", "MD5", ... (empty when not separable)
    Clock::time_point not_before{};
    Clock::time_point not_after{};
    std::string sha256_fingerprint;  // upper-case hex, colon separated
    bool self_signed = false;        // subject == issuer and the signature verifies with own key
    std::string serial_hex;
    ChainVerification verification;
    Der der;  // the leaf as read, for re-export and comparison
};

// A leaf and what came with it (intermediates from the file or the TLS handshake).
struct CertificateChainFacts {
    CertificateFacts leaf;
    std::vector<CertificateFacts> intermediates;  // in the order presented
    bool private_key_present = false;  // a PKCS#12 file carried the key (CERT-EXT-12 evidence)
};

// "YYYY-MM-DDTHH:MM:SSZ" (UTC) for evidence and JSON.
std::string format_utc(Clock::time_point when);

}  // namespace edgeplan::checks::certificates
