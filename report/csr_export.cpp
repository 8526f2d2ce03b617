// --emit-csr: for every planned certificate an OpenSSL `req` configuration and a Windows
// `certreq` INF, so either tool produces a request with exactly the planned subject, SANs and
// EKUs (catalogue section 1). Keys are RSA 2048 (the Lync 2013 certificate wizard default).
// A name that a finding fails or warns on gets a comment line above it, and a name the request
// lacks because the plan could not derive it (an Unknown of a CERT-* rule) is named in the
// header, so an administrator sees both before submitting the request.
#include <sstream>
#include <unordered_map>
#include <vector>

#include "report/atomic_file.h"
#include "report/export_text.h"
#include "report/exports.h"
#include "report/findings_about_names.h"
#include "topology/subjects.h"

namespace edgeplan::report {
namespace {

using topology::CertificateRequest;
using topology::ExtendedKeyUsage;

const char* eku_oid(ExtendedKeyUsage eku) {
    return eku == ExtendedKeyUsage::server_auth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2";
}

// The names go into configuration files verbatim, so anything but a host name is refused
// rather than quoted (a newline would add directives).
void require_names(const CertificateRequest& c) {
    auto check = [&](const std::string& name) {
        if (!export_text::is_dns_name(name)) {
            throw OutputError("certificate request for pool '" +
                              export_text::comment_text(c.pool_id) + "' has a name that is not a " +
                              "DNS name: '" + export_text::comment_text(name) + "'");
        }
    };
    check(c.subject);
    for (const std::string& san : c.sans) check(san);
}

struct Notes {
    std::vector<std::string> header;              // facts the request lacks
    std::vector<std::vector<std::string>> names;  // per SAN (subject = sans[0] or extra)
    std::vector<std::string> subject;
};

// The CERT-* unknowns of each pool, by pool subject, in plan order.
using UnknownsByPool = std::unordered_map<std::string, std::vector<const topology::Unknown*>>;

UnknownsByPool certificate_unknowns(const topology::Plan& plan) {
    UnknownsByPool out;
    for (const topology::Unknown& u : plan.unknowns) {
        if (u.rule.rfind("CERT-", 0) == 0) out[u.subject].push_back(&u);
    }
    return out;
}

Notes notes_for(const CertificateRequest& c, const UnknownsByPool& unknowns,
                const FindingsAboutNames& judged) {
    Notes n;
    const auto pool = unknowns.find(subjects::pool_subject(c.pool_id));
    if (pool != unknowns.end()) {
        for (const topology::Unknown* u : pool->second) {
            n.header.push_back("UNKNOWN (" + u->rule + "): " + u->what +
                               "; this request lacks what depends on it");
        }
    }
    n.subject = judged.about(c.subject, "");
    for (const std::string& san : c.sans) n.names.push_back(judged.about(san, ""));
    return n;
}

void write_notes(std::ostringstream& out, const char* mark, const std::vector<std::string>& notes,
                 const char* eol) {
    for (const std::string& note : notes) {
        out << mark << " " << export_text::comment_text(note) << eol;
    }
}

std::string openssl_config(const CertificateRequest& c, const Notes& notes) {
    std::ostringstream out;
    out << "# edgeplan: " << topology::to_string(c.use) << " certificate for Edge pool "
        << export_text::comment_text(c.pool_id) << "\n"
        << "# openssl req -new -config THIS -newkey rsa:2048 -nodes -keyout KEY -out CSR\n";
    write_notes(out, "#", notes.header, "\n");
    out << "[ req ]\n"
        << "default_bits = 2048\n"
        << "default_md = sha256\n"
        << "prompt = no\n"
        << "utf8 = yes\n"
        << "distinguished_name = dn\n"
        << "req_extensions = ext\n\n"
        << "[ dn ]\n";
    write_notes(out, "#", notes.subject, "\n");
    out << "CN = " << c.subject << "\n\n"
        << "[ ext ]\n"
        << "keyUsage = critical, digitalSignature, keyEncipherment\n";
    if (!c.ekus.empty()) {
        out << "extendedKeyUsage = ";
        for (std::size_t i = 0; i < c.ekus.size(); ++i) {
            out << (i ? ", " : "") << topology::to_string(c.ekus[i]);
        }
        out << "\n";
    }
    if (!c.sans.empty()) {
        out << "subjectAltName = @alt\n\n[ alt ]\n";
        for (std::size_t i = 0; i < c.sans.size(); ++i) {
            write_notes(out, "#", notes.names[i], "\n");
            out << "DNS." << (i + 1) << " = " << c.sans[i] << "\n";
        }
    }
    return out.str();
}

std::string certreq_inf(const CertificateRequest& c, const Notes& notes) {
    // certreq reads INF files written with CRLF line ends.
    std::ostringstream out;
    const char* eol = "\r\n";
    out << "; edgeplan: " << topology::to_string(c.use) << " certificate for Edge pool "
        << export_text::comment_text(c.pool_id) << eol << "; certreq -new THIS request.csr" << eol;
    write_notes(out, ";", notes.header, eol);
    out << "[Version]" << eol << "Signature=\"$Windows NT$\"" << eol << eol << "[NewRequest]" << eol
        << "Subject = \"CN=" << c.subject << "\"" << eol << "KeyLength = 2048" << eol
        << "KeySpec = 1" << eol << "KeyUsage = 0xA0" << eol
        << "Exportable = " << (c.exportable_key ? "TRUE" : "FALSE") << eol << "MachineKeySet = TRUE"
        << eol << "ProviderName = \"Microsoft RSA SChannel Cryptographic Provider\"" << eol
        << "ProviderType = 12" << eol << "RequestType = PKCS10" << eol << "HashAlgorithm = sha256"
        << eol;
    if (!c.ekus.empty()) {
        out << eol << "[EnhancedKeyUsageExtension]" << eol;
        for (ExtendedKeyUsage eku : c.ekus) out << "OID=" << eku_oid(eku) << eol;
    }
    if (!c.sans.empty()) {
        out << eol << "[Extensions]" << eol;
        for (std::size_t i = 0; i < c.sans.size(); ++i) {
            for (const std::string& note : notes.names[i]) {
                out << "; " << c.sans[i] << ": " << export_text::comment_text(note) << eol;
            }
        }
        out << "2.5.29.17 = \"{text}";
        for (std::size_t i = 0; i < c.sans.size(); ++i) {
            out << (i ? "&" : "") << "dns=" << c.sans[i];
        }
        out << "\"" << eol;
    }
    return out.str();
}

}  // namespace

std::vector<std::string> write_csr_files(const topology::Plan& plan, const std::string& dir,
                                         const std::vector<checks::Finding>& findings) {
    for (const CertificateRequest& c : plan.certificates) require_names(c);
    ensure_directory(dir);
    const UnknownsByPool unknowns = certificate_unknowns(plan);
    // The CERT-* findings judge the certificate the topology describes, which these requests
    // replace; the rest (NET-10, DNS-NAME-01, ...) judge the names themselves.
    const FindingsAboutNames judged(
        findings, [](const checks::Finding& f) { return f.check_id.str().rfind("CERT-", 0) != 0; });
    std::vector<std::string> written;
    for (const CertificateRequest& c : plan.certificates) {
        const std::string stem =
            export_text::file_stem(c.pool_id + "-" + topology::to_string(c.use));
        const std::string cnf = export_text::join(dir, stem + ".cnf");
        const std::string inf = export_text::join(dir, stem + ".inf");
        const Notes notes = notes_for(c, unknowns, judged);
        write_file_atomically(cnf, openssl_config(c, notes));
        write_file_atomically(inf, certreq_inf(c, notes));
        written.push_back(cnf);
        written.push_back(inf);
    }
    return written;
}

}  // namespace edgeplan::report
