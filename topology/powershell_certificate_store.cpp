// The Edge servers' certificate store (tools/Collect-EdgeplanInputs.ps1 runs
// `Get-ChildItem Cert:\LocalMachine\My` on each Edge, one file per server): what
// Get-CsCertificate does not say about a certificate, its EKUs and whether its private key can
// be exported (CERT-EXT-09, -10, -12, CERT-INT-04). Records are matched to the certificates the
// topology, --settings or Get-CsCertificate describe by thumbprint, which names one certificate
// wherever it is installed, so the file name does not have to name the server.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "topology/input_error.h"
#include "topology/powershell_export.h"
#include "topology/powershell_values.h"

namespace edgeplan::topology::powershell {
namespace {

constexpr const char* kCmdlet = "Get-ChildItem Cert:\\LocalMachine\\My";
constexpr const char* kServerAuth = "1.3.6.1.5.5.7.3.1";
constexpr const char* kClientAuth = "1.3.6.1.5.5.7.3.2";

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool is_oid(const std::string& token) {
    if (token.empty() || token.front() == '.' || token.back() == '.') return false;
    return std::all_of(token.begin(), token.end(),
                       [](unsigned char c) { return std::isdigit(c) != 0 || c == '.'; });
}

// The EKU OIDs the collector writes ("1.3.6.1.5.5.7.3.1 1.3.6.1.5.5.7.3.2"), or "None" for a
// certificate without the EKU extension (which the rules read as lacking serverAuth, as the
// certificate file rules do). nullopt when the record does not state them.
std::optional<std::vector<std::string>> eku_oids(const ExportRecord& record) {
    const std::optional<std::string> text = text_of(record, "EnhancedKeyUsageOids");
    if (!text) return std::nullopt;
    std::vector<std::string> oids;
    if (iequals(*text, "None")) return oids;
    std::istringstream words(*text);
    for (std::string oid; words >> oid;) {
        if (!oid.empty() && (oid.back() == ',' || oid.back() == ';')) oid.pop_back();
        if (!is_oid(oid)) {
            fail_value(*present(record, "EnhancedKeyUsageOids"),
                       "EnhancedKeyUsageOids holds '" + oid +
                           "', not an OID: the collector writes the OIDs separated by spaces, "
                           "or None");
        }
        oids.push_back(oid);
    }
    return oids;
}

// What one store record says about a certificate.
struct StoreFacts {
    std::optional<std::vector<std::string>> ekus;
    std::optional<bool> exportable;
    SourceLocation where;
};

void apply_facts(const StoreFacts& facts, CertificateSpec& spec) {
    if (facts.ekus) {
        auto has = [&](const char* oid) {
            return std::find(facts.ekus->begin(), facts.ekus->end(), oid) != facts.ekus->end();
        };
        spec.server_eku = has(kServerAuth);
        spec.client_eku = has(kClientAuth);
    }
    // The key has to be exported once, from any server that holds it exportable, to reach the
    // pool's other members (CERT-EXT-12): one server saying so is enough.
    if (facts.exportable)
        spec.exportable_key = spec.exportable_key.value_or(false) || *facts.exportable;
    spec.store_where = facts.where;
}

}  // namespace

void apply_certificate_store(const std::vector<const ExportFile*>& files, Model& model) {
    for (const ExportFile* file : files) {
        require_property(*file, kCmdlet, {"Thumbprint"});
        require_property(*file, kCmdlet, {"EnhancedKeyUsageOids", "PrivateKeyExportable"});
        bool used = false;
        for (const ExportRecord& record : file->records) {
            const std::optional<std::string> thumbprint = text_of(record, "Thumbprint");
            if (!thumbprint) throw InputError(record.where, "certificate without Thumbprint");
            const StoreFacts facts{eku_oids(record), boolean_of(record, "PrivateKeyExportable"),
                                   record.where};
            for (EdgePool& pool : model.edge_pools) {
                for (CertificateSpec& spec : pool.certificates) {
                    if (spec.thumbprint.empty() || spec.thumbprint != upper(*thumbprint)) continue;
                    apply_facts(facts, spec);
                    used = true;
                }
            }
        }
        // A store holds many certificates; one that holds none of the Edge's is a file given for
        // nothing, which must not pass silently.
        if (!used) {
            throw InputError(file->where,
                             "none of its certificates is an Edge certificate of the topology "
                             "(matched by Thumbprint): collect Get-CsCertificate on the same Edge "
                             "servers, or state the thumbprint in --settings");
        }
    }
}

}  // namespace edgeplan::topology::powershell
