#pragma once
// SHA-256 digests (OpenSSL behind this header): SARIF partialFingerprints, the HTML report's
// Content-Security-Policy script hash, and the input files' digests in every report header.
#include <string>
#include <string_view>

namespace edgeplan::report {

// Lower-case hex digest.
std::string sha256_hex(std::string_view data);
// Standard base64 (RFC 4648, padded) of the digest: the form of a CSP 'sha256-...' source.
std::string sha256_base64(std::string_view data);
// Hex digest of a file's bytes; empty when the file cannot be read.
std::string sha256_file_hex(const std::string& path);

}  // namespace edgeplan::report
