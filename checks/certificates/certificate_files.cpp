#include "checks/certificates/certificate_files.h"

#include <filesystem>

namespace edgeplan::checks::certificates {

std::optional<CertificateFileSource> parse_cert_option(const std::string& text,
                                                       std::string& error) {
    const auto equals = text.find('=');
    const std::string left = equals == std::string::npos ? "" : text.substr(0, equals);
    const auto colon = left.rfind(':');
    if (equals == std::string::npos || colon == std::string::npos || colon == 0 ||
        equals + 1 >= text.size()) {
        error = "--cert '" + text + "' is not POOL:USE=FILE (USE external or internal)";
        return std::nullopt;
    }
    CertificateFileSource source;
    source.pool_id = left.substr(0, colon);
    const std::string use = left.substr(colon + 1);
    if (use == "external") {
        source.use = topology::CertificateUse::external;
    } else if (use == "internal") {
        source.use = topology::CertificateUse::internal;
    } else {
        error = "--cert '" + text + "': USE must be external or internal, not '" + use + "'";
        return std::nullopt;
    }
    source.path = text.substr(equals + 1);
    source.open_path = source.path;
    return source;
}

std::vector<CertificateFileSource> certificate_file_sources(
    const topology::Model& model, const std::vector<CertificateFileSource>& from_command_line) {
    namespace fs = std::filesystem;
    std::vector<CertificateFileSource> out;
    const fs::path folder = fs::path(model.source_file).parent_path();
    for (const topology::EdgePool& pool : model.edge_pools) {
        for (const topology::CertificateSpec& spec : pool.certificates) {
            if (spec.file.empty()) continue;
            CertificateFileSource source;
            source.pool_id = pool.id;
            source.use = spec.use;
            source.path = spec.file;
            const fs::path file(spec.file);
            source.open_path = file.is_absolute() ? spec.file : (folder / file).string();
            source.password_env = spec.password_env;
            source.where = spec.where;
            out.push_back(std::move(source));
        }
    }
    for (const CertificateFileSource& source : from_command_line) {
        if (!model.find_edge_pool(source.pool_id)) {
            throw CertificateLoadError("--cert " + source.pool_id + ":" +
                                       topology::to_string(source.use) + "=" + source.path +
                                       ": the topology has no Edge pool '" + source.pool_id + "'");
        }
        out.push_back(source);
    }
    return out;
}

std::vector<CertificateFile> load_certificate_files(
    const std::vector<CertificateFileSource>& sources, const std::string& default_password_env,
    const VerifyOptions& verify) {
    std::vector<CertificateFile> out;
    for (const CertificateFileSource& source : sources) {
        FileOptions file;
        file.password_env =
            source.password_env.empty() ? default_password_env : source.password_env;
        CertificateFile loaded;
        loaded.pool_id = source.pool_id;
        loaded.use = source.use;
        loaded.path = source.path;
        loaded.open_path = source.open_path;
        loaded.where = source.where;
        loaded.chain = load_certificate_file(source.open_path, file, verify);
        out.push_back(std::move(loaded));
    }
    return out;
}

}  // namespace edgeplan::checks::certificates
