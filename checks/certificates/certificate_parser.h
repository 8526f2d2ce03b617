#pragma once
// Reading certificates: DER/PEM chains (as a TLS handshake presents them) and files before
// installation (PEM, DER, PKCS#12). The implementation (certificate_parser_openssl.cpp) is the
// only file under checks/certificates that sees OpenSSL.
#include <optional>
#include <string>
#include <vector>

#include "checks/certificates/certificate_facts.h"

namespace edgeplan::checks::certificates {

struct VerifyOptions {
    bool verify = true;  // build and verify the chain
    // Trust anchors: this PEM file (--ca-file) instead of the system store when set.
    std::optional<std::string> ca_file;
    // The time the chain must be valid at: the run's one clock (`--now`), never the wall clock,
    // so results are deterministic.
    Clock::time_point now = Clock::now();
    // Purpose checked while building (serverAuth); the EKU rules report EKUs separately.
    bool require_server_purpose = false;
};

// A chain leaf first, each certificate DER-encoded (as TLS presents it). Throws
// CertificateLoadError when a blob is not a certificate or the list is empty.
CertificateChainFacts parse_der_chain(const std::vector<Der>& chain, const VerifyOptions& options);

// PEM text with one or more CERTIFICATE blocks, leaf first.
CertificateChainFacts parse_pem_chain(const std::string& pem, const VerifyOptions& options);

// Whether PEM text holds at least one certificate OpenSSL can load as a trust anchor: a
// --ca-file that holds none would make every chain untrusted, which is an input error.
bool pem_holds_certificate(const std::string& pem);

struct FileOptions {
    // Name of the environment variable holding the PKCS#12 password (the password itself never
    // appears on a command line). Empty: try the empty password.
    std::string password_env;
};

// A certificate file: PEM (chain), DER (one certificate) or PKCS#12 (.pfx/.p12; modern AES or
// legacy RC2/3DES as Windows exports them, for which OpenSSL 3's legacy provider is loaded).
// The format is detected from the content, not the name. Throws CertificateLoadError with a
// message that names the file and the reason (missing password variable, wrong password, ...).
CertificateChainFacts load_certificate_file(const std::string& path, const FileOptions& file,
                                            const VerifyOptions& options);

}  // namespace edgeplan::checks::certificates
