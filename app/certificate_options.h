#pragma once
// The certificate options `plan` and `check` share (--cert POOL:USE=FILE, --cert-password-env,
// --ca-file, --expiry-warning-days) and the TLS client options of `check` (--client-cert,
// --client-key), and reading the certificate files before any check runs: a file that cannot be
// read or decrypted is an input error (exit 2), not a finding.
#include <boost/program_options.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "checks/certificate_settings.h"
#include "checks/utc_clock.h"
#include "topology/model.h"

namespace edgeplan::app {

struct CertificateArguments {
    std::vector<std::string> certs;  // POOL:USE=FILE
    std::string password_env;        // PKCS#12 password variable for --cert files
    std::string ca_file;             // trust anchors instead of the system store
    int expiry_warning_days = 30;
    std::string client_cert;  // check only: presented on mutual TLS (5061)
    std::string client_key;
};

void add_certificate_options(boost::program_options::options_description& options, bool live);
CertificateArguments read_certificate_options(const boost::program_options::variables_map& vm);

// Fills `out` (trust anchors, warning period, every file read and verified at `now`); false
// with `error` set when an option is malformed or a file cannot be read.
bool load_certificate_settings(const CertificateArguments& arguments, const topology::Model& model,
                               checks::UtcClock::time_point now, checks::CertificateSettings& out,
                               std::string& error);

// Every file a run reads, as given: the topology and the other named inputs, the certificate
// options' files, the certificate files the topology names and the export files of
// --settings-from. No output may be one of them.
std::vector<std::string> run_inputs(const std::string& topology, const std::string& settings,
                                    const std::string& baseline, const std::string& waivers,
                                    const CertificateArguments& arguments,
                                    const checks::CertificateSettings& loaded,
                                    const topology::Model& model);

}  // namespace edgeplan::app
