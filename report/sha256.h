#pragma once
// SHA-256 (FIPS 180-4) of a string, for SARIF partialFingerprints. Kept here rather than using
// OpenSSL so that only the probe implementation files include OpenSSL headers (STYLE.md).
#include <string>
#include <string_view>

namespace edgeplan::report {

// Lower-case hex digest.
std::string sha256_hex(std::string_view data);
// Standard base64 (RFC 4648, padded) of the digest: the form of a CSP 'sha256-...' source.
std::string sha256_base64(std::string_view data);

}  // namespace edgeplan::report
