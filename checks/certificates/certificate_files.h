#pragma once
// Which certificate files a run reads and reading them: `--cert POOL:USE=FILE` (repeatable) and
// the files a topology names (<Certificate file=...>, relative to the topology's folder). The
// same rules then judge them as they judge a live chain (certificate_rules.h); a file that
// cannot be read or decrypted is an input error (exit 2), never a finding.
#include <optional>
#include <string>
#include <vector>

#include "checks/certificate_settings.h"
#include "checks/certificates/certificate_parser.h"
#include "topology/model.h"

namespace edgeplan::checks::certificates {

struct CertificateFileSource {
    std::string pool_id;
    topology::CertificateUse use = topology::CertificateUse::external;
    std::string path;          // subject file:PATH (as given / as written in the topology)
    std::string open_path;     // where to read it (topology files: joined to its folder)
    std::string password_env;  // PKCS#12 password variable; empty = --cert-password-env
    topology::SourceLocation where;
};

// "POOL:USE=FILE" with USE external|internal; nullopt and `error` when malformed.
std::optional<CertificateFileSource> parse_cert_option(const std::string& text, std::string& error);

// The topology's certificate files, then the --cert ones. Throws CertificateLoadError when a
// --cert names a pool the topology does not have.
std::vector<CertificateFileSource> certificate_file_sources(
    const topology::Model& model, const std::vector<CertificateFileSource>& from_command_line);

// Reads every source (PEM, DER, PKCS#12), verifying each chain at `verify.now`. Throws
// CertificateLoadError naming the file and the reason.
std::vector<CertificateFile> load_certificate_files(
    const std::vector<CertificateFileSource>& sources, const std::string& default_password_env,
    const VerifyOptions& verify);

}  // namespace edgeplan::checks::certificates
