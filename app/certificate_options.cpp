#include "app/certificate_options.h"

#include "checks/certificates/certificate_files.h"
#include "checks/certificates/certificate_parser.h"
#include "topology/input_file.h"

namespace po = boost::program_options;

namespace edgeplan::app {
namespace {

// A system CA bundle is about 200 KB; a key file or client certificate chain a few KB.
constexpr std::size_t kMaxTrustStoreBytes = 16 * 1024 * 1024;
constexpr std::size_t kMaxKeyFileBytes = 1024 * 1024;

}  // namespace

void add_certificate_options(po::options_description& options, bool live) {
    // clang-format off
    options.add_options()
        ("cert", po::value<std::vector<std::string>>(),
         "POOL:USE=FILE, repeatable (USE external|internal): judge this certificate file (PEM, "
         "DER or PKCS#12) by the certificate rules before installation")
        ("cert-password-env", po::value<std::string>(),
         "VAR: environment variable holding the PKCS#12 password of --cert files")
        ("ca-file", po::value<std::string>(),
         "FILE: PEM trust anchors for CERT-EXT-01/CERT-INT-01 (default: the system store)")
        ("expiry-warning-days", po::value<std::string>()->default_value("30"),
         "CERT-EXT-16 warns when a certificate expires within this many days");
    if (live) {
        options.add_options()
            ("client-cert", po::value<std::string>(),
             "FILE: PEM client certificate presented when a server asks (mutual TLS on 5061)")
            ("client-key", po::value<std::string>(),
             "FILE: PEM key of --client-cert (default: in the same file)");
    }
    // clang-format on
}

CertificateArguments read_certificate_options(const po::variables_map& vm) {
    CertificateArguments a;
    if (vm.count("cert")) a.certs = vm["cert"].as<std::vector<std::string>>();
    if (vm.count("cert-password-env")) a.password_env = vm["cert-password-env"].as<std::string>();
    if (vm.count("ca-file")) a.ca_file = vm["ca-file"].as<std::string>();
    if (vm.count("client-cert")) a.client_cert = vm["client-cert"].as<std::string>();
    if (vm.count("client-key")) a.client_key = vm["client-key"].as<std::string>();
    return a;
}

bool load_certificate_settings(const CertificateArguments& a, const topology::Model& model,
                               checks::UtcClock::time_point now, checks::CertificateSettings& out,
                               std::string& error) {
    if (a.expiry_warning_days < 0 || a.expiry_warning_days > 3650) {
        error = "--expiry-warning-days must be 0..3650";
        return false;
    }
    out.expiry_warning_days = a.expiry_warning_days;
    if (!a.client_key.empty() && a.client_cert.empty()) {
        error = "--client-key needs --client-cert";
        return false;
    }
    try {
        // Read here, before any probe, so that a FIFO or directory is refused instead of
        // hanging or failing inside OpenSSL, and a trust store that trusts nothing is named.
        if (!a.ca_file.empty()) {
            if (!checks::certificates::pem_holds_certificate(
                    topology::read_input_file(a.ca_file, kMaxTrustStoreBytes))) {
                error = "--ca-file " + a.ca_file + " holds no PEM certificate";
                return false;
            }
            out.ca_file = a.ca_file;
        }
        if (!a.client_cert.empty()) topology::read_input_file(a.client_cert, kMaxKeyFileBytes);
        if (!a.client_key.empty()) topology::read_input_file(a.client_key, kMaxKeyFileBytes);
    } catch (const topology::InputFileError& e) {
        error = e.what();
        return false;
    }
    std::vector<checks::certificates::CertificateFileSource> given;
    for (const std::string& text : a.certs) {
        auto source = checks::certificates::parse_cert_option(text, error);
        if (!source) return false;
        given.push_back(std::move(*source));
    }
    checks::certificates::VerifyOptions verify;
    verify.verify = true;
    verify.now = now;
    verify.ca_file = out.ca_file;
    try {
        out.files = checks::certificates::load_certificate_files(
            checks::certificates::certificate_file_sources(model, given), a.password_env, verify);
    } catch (const checks::certificates::CertificateLoadError& e) {
        error = e.what();
        return false;
    }
    return true;
}

std::vector<std::string> run_inputs(const std::string& topology, const std::string& settings,
                                    const std::string& baseline, const std::string& waivers,
                                    const CertificateArguments& arguments,
                                    const checks::CertificateSettings& loaded,
                                    const topology::Model& model) {
    std::vector<std::string> inputs{topology,
                                    settings,
                                    baseline,
                                    waivers,
                                    arguments.ca_file,
                                    arguments.client_cert,
                                    arguments.client_key};
    for (const checks::CertificateFile& file : loaded.files) inputs.push_back(file.open_path);
    // Each PowerShell export --settings-from read: an output inside that folder must not
    // replace one of them.
    for (const topology::Model::ExportInput& e : model.exports) inputs.push_back(e.path);
    return inputs;
}

}  // namespace edgeplan::app
