#pragma once
// How certificate rules are configured for a run (`edgeplan plan` and `edgeplan check`): the
// trust anchors, the expiry warning, and the certificate files read before the checks run
// (`--cert POOL:USE=FILE`, or the file a topology <Certificate file=...> names). The files are
// read by the command (checks/certificates/certificate_files.h), so the checks stay pure.
#include <optional>
#include <string>
#include <vector>

#include "checks/certificates/certificate_facts.h"
#include "topology/model.h"

namespace edgeplan::checks {

struct CertificateFile {
    std::string pool_id;
    topology::CertificateUse use = topology::CertificateUse::external;
    std::string path;  // as given (command line) or as written in the topology: subject file:PATH
    std::string open_path;  // where it was read (topology files: joined to the topology's folder)
    certificates::CertificateChainFacts chain;  // verified against the trust anchors at --now
    topology::SourceLocation where;             // the topology element, or empty for --cert
};

struct CertificateSettings {
    std::optional<std::string> ca_file;  // --ca-file; empty = the system trust store
    int expiry_warning_days = 30;        // --expiry-warning-days (CERT-EXT-16)
    std::vector<CertificateFile> files;
};

}  // namespace edgeplan::checks
