// Get-CsCertificate run on each Edge server (the collector names each file after its server:
// Get-CsCertificate.<edge internal fqdn>.xml). The output does not say which server it came
// from, so the file name does; with a single Edge pool in the topology no name is needed.
// The certificates replace the topology's certificates of the same use in that pool, as a
// settings <Certificate> does; one certificate assigned to several uses on a server (the
// external certificate on AccessEdgeExternal, DataEdgeExternal and AudioVideoAuthentication,
// CERT-EXT-14) stays one certificate with all its usages.
#include <algorithm>
#include <cctype>
#include <set>

#include "topology/input_error.h"
#include "topology/powershell_export.h"
#include "topology/powershell_values.h"

namespace edgeplan::topology::powershell {
namespace {

std::string base_name(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The Edge pool a certificate file belongs to: a member's or the pool's FQDN in its name.
std::size_t pool_of(const ExportFile& file, const Model& model) {
    const std::string name = base_name(file.path);
    std::size_t best = model.edge_pools.size();
    std::size_t best_length = 0;
    for (std::size_t i = 0; i < model.edge_pools.size(); ++i) {
        const EdgePool& pool = model.edge_pools[i];
        std::vector<std::string> names{pool.id, pool.internal_fqdn};
        for (const EdgeMember& m : pool.members) names.push_back(m.internal_fqdn);
        for (const std::string& n : names) {
            if (!n.empty() && icontains(name, n) && n.size() > best_length) {
                best = i;
                best_length = n.size();
            }
        }
    }
    if (best < model.edge_pools.size()) return best;
    if (model.edge_pools.size() == 1) return 0;
    throw InputError({file.path, 1, 1},
                     "Get-CsCertificate output that names no Edge server of the topology: name "
                     "the file after the Edge it was run on (Get-CsCertificate.<edge "
                     "fqdn>.xml)");
}

// The Edge server a certificate file was read on: the member of `pool` its name carries, else
// the pool (a single Edge, or a file named after the pool).
std::string server_of(const ExportFile& file, const EdgePool& pool) {
    const std::string name = base_name(file.path);
    std::string best;
    for (const EdgeMember& m : pool.members) {
        if (!m.internal_fqdn.empty() && icontains(name, m.internal_fqdn) &&
            m.internal_fqdn.size() > best.size()) {
            best = m.internal_fqdn;
        }
    }
    if (!best.empty()) return best;
    return pool.members.size() == 1 ? pool.members.front().internal_fqdn : pool.id;
}

// "CN=sip.contoso.com, O=Contoso" -> "sip.contoso.com".
std::optional<std::string> common_name(const std::string& subject) {
    std::size_t i = 0;
    while (i < subject.size()) {
        while (i < subject.size() && (subject[i] == ' ' || subject[i] == ',')) ++i;
        const std::size_t end = subject.find(',', i);
        const std::string part = subject.substr(i, end == std::string::npos ? end : end - i);
        if (part.size() > 3 && iequals(part.substr(0, 3), "CN=")) {
            std::string cn = part.substr(3);
            std::transform(cn.begin(), cn.end(), cn.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            return cn;
        }
        if (end == std::string::npos) break;
        i = end + 1;
    }
    return std::nullopt;
}

// Which side of the Edge a usage serves (Get-CsCertificate -Type values; Internal is the Edge
// internal interface, the rest face the Internet). Other usages belong to other roles.
std::optional<CertificateUse> use_of(const std::string& usage) {
    for (const char* external : {"AccessEdgeExternal", "DataEdgeExternal",
                                 "AudioVideoAuthentication", "XmppServer", "External"}) {
        if (iequals(usage, external)) return CertificateUse::external;
    }
    if (iequals(usage, "Internal")) return CertificateUse::internal;
    return std::nullopt;
}

}  // namespace

void apply_certificates(const std::vector<const ExportFile*>& files, Model& model) {
    std::vector<std::vector<CertificateSpec>> per_pool(model.edge_pools.size());
    for (const ExportFile* file : files) {
        require_property(*file, "Get-CsCertificate", {"Use"});
        require_property(*file, "Get-CsCertificate", {"Thumbprint"});
        if (file->records.empty()) continue;
        const std::size_t pool = pool_of(*file, model);
        std::vector<CertificateSpec>& certs = per_pool[pool];
        const std::string server = server_of(*file, model.edge_pools[pool]);
        for (const ExportRecord& record : file->records) {
            const std::optional<std::string> usage = text_of(record, "Use");
            if (!usage) throw InputError(record.where, "certificate without Use");
            const std::optional<CertificateUse> use = use_of(*usage);
            if (!use) continue;  // a usage of another role (Default, WebServicesInternal, ...)
            std::optional<std::string> thumbprint = text_of(record, "Thumbprint");
            if (!thumbprint) throw InputError(record.where, "certificate without Thumbprint");
            std::transform(thumbprint->begin(), thumbprint->end(), thumbprint->begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            auto same_cert = [&](const CertificateSpec& c) {
                return c.use == *use && c.thumbprint == *thumbprint;
            };
            auto it = std::find_if(certs.begin(), certs.end(), same_cert);
            if (it == certs.end()) {
                CertificateSpec spec;
                spec.use = *use;
                spec.thumbprint = *thumbprint;
                if (auto subject = text_of(record, "Subject")) spec.subject = common_name(*subject);
                for (std::string san : list_of(record, "AlternativeNames")) {
                    std::transform(san.begin(), san.end(), san.begin(), [](unsigned char c) {
                        return static_cast<char>(std::tolower(c));
                    });
                    if (std::find(spec.sans.begin(), spec.sans.end(), san) == spec.sans.end()) {
                        spec.sans.push_back(san);
                    }
                }
                spec.not_after = text_of(record, "NotAfter").value_or("");
                spec.where = record.where;
                certs.push_back(spec);
                it = certs.end() - 1;
            }
            if (std::find(it->usages.begin(), it->usages.end(), *usage) == it->usages.end()) {
                it->usages.push_back(*usage);
            }
            it->assignments.push_back({*usage, server, record.where});
        }
    }
    for (std::size_t i = 0; i < per_pool.size(); ++i) {
        if (per_pool[i].empty()) continue;
        std::set<CertificateUse> uses;
        for (const CertificateSpec& c : per_pool[i]) uses.insert(c.use);
        auto& existing = model.edge_pools[i].certificates;
        existing.erase(std::remove_if(existing.begin(), existing.end(),
                                      [&](const CertificateSpec& c) { return uses.count(c.use); }),
                       existing.end());
        for (CertificateSpec& c : per_pool[i]) existing.push_back(std::move(c));
    }
}

}  // namespace edgeplan::topology::powershell
