#pragma once
// --settings-from DIR: a folder of PowerShell exports (Get-CsAccessEdgeConfiguration,
// Get-CsAllowedDomain, ... written by tools/Collect-EdgeplanInputs.ps1 or by hand) read into
// the same model a --settings file gives (docs/settings-from.md). Throws InputError.
#include <cstddef>
#include <string>
#include <vector>

#include "topology/model.h"
#include "topology/powershell_records.h"

namespace edgeplan::topology {

// Documented in docs/settings-from.md ("Limits").
struct ExportDirectoryLimits {
    std::size_t max_files = 256;
    std::size_t max_total_bytes = 64 * 1024 * 1024;
    powershell::ExportLimits file;
};

// Reads every regular file directly in `dir` (not in subdirectories; names starting with '.'
// are skipped, and so is a topology document), recognises the cmdlet each holds and applies
// them to `model` in a fixed order (docs/settings-from.md, "Merge rules").
void apply_powershell_exports(const std::string& dir, Model& model,
                              const ExportDirectoryLimits& limits = {});

namespace powershell {

enum class Cmdlet {
    sip_domain,
    site,
    edge_service,
    access_edge,
    allowed_domain,
    blocked_domain,
    hosting_provider,
    public_provider,
    external_access_policy,
    xmpp_partner,
    xmpp_gateway,
    media,
    certificate,
    certificate_store,  // Get-ChildItem Cert:\LocalMachine\My on each Edge (the collector's)
    push,
};
const char* cmdlet_name(Cmdlet cmdlet);  // "Get-CsAllowedDomain", "Get-CsService -EdgeServer"

// Which cmdlet wrote `file`: its type names, else a property only one cmdlet has, else the
// cmdlet noun in `file_name`. InputError naming the file when none or several remain.
Cmdlet recognise(const ExportFile& file, const std::string& file_name);

// Applies one recognised export to the model (powershell_apply.cpp); not for certificates.
void apply_export(Cmdlet cmdlet, const ExportFile& file, Model& model);
// Get-CsCertificate files of one folder, together: one per Edge server, each naming its server
// in the file name (powershell_certificates.cpp).
void apply_certificates(const std::vector<const ExportFile*>& files, Model& model);
// Each Edge server's certificate store, after the certificates: EKUs and key exportability of
// the certificates whose thumbprint they carry (powershell_certificate_store.cpp).
void apply_certificate_store(const std::vector<const ExportFile*>& files, Model& model);

}  // namespace powershell
}  // namespace edgeplan::topology
