// --settings-from DIR: list the folder, read each export safely (the input_file.h rules: no
// blocking open, regular files only, a size limit), undo its format, recognise its cmdlet and
// apply all of them in a fixed order. Nothing is applied until every file has been read and
// recognised, so a bad file stops the run before any fact is taken.
#include "topology/powershell_export.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>

#include "topology/input_error.h"
#include "topology/input_file.h"
#include "topology/loader.h"
#include "topology/xml_source.h"

namespace edgeplan::topology {
namespace {

using powershell::Cmdlet;
using powershell::ExportFile;

// The regular files directly in `dir`, sorted by name; subdirectories and names starting with
// '.' are left out.
std::vector<std::string> list_directory(const std::string& dir, std::size_t max_files) {
    const SourceLocation where{dir, 0, 0};
    const int fd = ::open(dir.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY);
    if (fd < 0) {
        if (errno == ENOTDIR) {
            struct stat st {};
            const std::string kind =
                ::stat(dir.c_str(), &st) == 0 ? non_regular_kind(st.st_mode) : "";
            throw InputError(where, "--settings-from needs a directory; this is " +
                                        (kind.empty() ? std::string("a file") : kind));
        }
        throw InputError(where,
                         std::string("cannot open directory (") + std::strerror(errno) + ")");
    }
    DIR* handle = ::fdopendir(fd);
    if (!handle) {
        ::close(fd);
        throw InputError(where,
                         std::string("cannot read directory (") + std::strerror(errno) + ")");
    }
    std::vector<std::string> names;
    std::string error;
    while (const dirent* entry = ::readdir(handle)) {
        const std::string name = entry->d_name;
        if (name.empty() || name[0] == '.') continue;
        struct stat st {};
        // Follows symbolic links: a link to a file is read (through read_input_file's checks),
        // a link to a directory is a subdirectory.
        if (::fstatat(::dirfd(handle), name.c_str(), &st, 0) == 0 && S_ISDIR(st.st_mode)) {
            continue;
        }
        if (names.size() >= max_files) {
            error = "holds more than " + std::to_string(max_files) + " files";
            break;
        }
        names.push_back(name);
    }
    ::closedir(handle);
    if (!error.empty()) throw InputError(where, error);
    std::sort(names.begin(), names.end());
    return names;
}

bool starts_like_xml(const std::string& bytes) {
    // '<' after an optional BOM, in UTF-8 or UTF-16.
    std::size_t i = 0;
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    if (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0) i = 2;
    while (i < bytes.size() && (bytes[i] == '\0' || bytes[i] == ' ' || bytes[i] == '\t' ||
                                bytes[i] == '\r' || bytes[i] == '\n')) {
        ++i;
    }
    return i < bytes.size() && bytes[i] == '<';
}

struct ReadExport {
    ExportFile file;
    Cmdlet cmdlet = Cmdlet::access_edge;
};

// nullopt for a topology document lying in the folder (the collector writes it there).
std::optional<ReadExport> read_export(const std::string& path, const std::string& name,
                                      const std::string& bytes,
                                      const powershell::ExportLimits& limits) {
    ReadExport out;
    if (starts_like_xml(bytes)) {
        XmlLimits xml;
        xml.max_file_bytes = limits.max_file_bytes;
        const XmlSource source = XmlSource::from_bytes(path, bytes, xml);
        if (local_name(source.root()) != "Objs") {
            try {
                detect_format(source);
                return std::nullopt;  // Get-CsTopology -AsXml: given as TOPOLOGY, not a setting
            } catch (const InputError&) {
                // Not a topology either: the CLIXML reader names what it expected.
            }
        }
        out.file = powershell::read_clixml(path, bytes, limits);
        out.file.encoding = "XML";
    } else {
        std::string encoding;
        const std::string text = powershell::decode_text(path, bytes, encoding);
        std::size_t first = 0;
        while (first < text.size() && std::isspace(static_cast<unsigned char>(text[first]))) {
            ++first;
        }
        if (first == text.size()) throw InputError({path, 1, 1}, "empty export file");
        out.file = text[first] == '{' || text[first] == '['
                       ? powershell::read_json(path, text, limits)
                       : powershell::read_csv(path, text, limits);
        out.file.encoding = encoding;
    }
    out.cmdlet = powershell::recognise(out.file, name);
    return out;
}

}  // namespace

void apply_powershell_exports(const std::string& dir, Model& model,
                              const ExportDirectoryLimits& limits) {
    if (dir.empty()) throw InputError({"--settings-from", 0, 0}, "the directory name is empty");
    std::vector<ReadExport> exports;
    std::size_t total = 0;
    for (const std::string& name : list_directory(dir, limits.max_files)) {
        const std::string path = dir + (dir.back() == '/' ? "" : "/") + name;
        std::string bytes;
        try {
            bytes = read_input_file(path, limits.file.max_file_bytes);
        } catch (const InputFileError& e) {
            throw InputError({path, 0, 0}, std::string(e.what()).substr(path.size() + 2));
        }
        total += bytes.size();
        if (total > limits.max_total_bytes) {
            throw InputError({dir, 0, 0}, "its files add up to more than " +
                                              std::to_string(limits.max_total_bytes) + " bytes");
        }
        if (std::optional<ReadExport> e = read_export(path, name, bytes, limits.file)) {
            exports.push_back(std::move(*e));
        }
    }
    // A folder given and never used would let the run pass on settings it did not read.
    if (exports.empty()) {
        throw InputError({dir, 0, 0},
                         "holds no Get-Cs* export that edgeplan reads (docs/settings-from.md)");
    }
    // One file per cmdlet, except the certificates and stores collected on each Edge server.
    std::map<Cmdlet, const ReadExport*> by_cmdlet;
    std::vector<const ExportFile*> certificates;
    std::vector<const ExportFile*> stores;
    for (const ReadExport& e : exports) {
        if (e.cmdlet == Cmdlet::certificate) {
            certificates.push_back(&e.file);
            continue;
        }
        if (e.cmdlet == Cmdlet::certificate_store) {
            stores.push_back(&e.file);
            continue;
        }
        const auto [it, inserted] = by_cmdlet.emplace(e.cmdlet, &e);
        if (!inserted) {
            throw InputError({e.file.path, 0, 0},
                             std::string("holds ") + powershell::cmdlet_name(e.cmdlet) +
                                 " output, and so does " + it->second->file.path +
                                 ": keep one file per cmdlet");
        }
    }
    // Sites and SIP domains first (routes and push refer to them), the enum's order after.
    for (const auto& [cmdlet, e] : by_cmdlet) {
        powershell::apply_export(cmdlet, e->file, model);
        model.exports.push_back(
            {e->file.path, powershell::to_string(e->file.format), powershell::cmdlet_name(cmdlet)});
    }
    if (!certificates.empty()) {
        powershell::apply_certificates(certificates, model);
        for (const ExportFile* f : certificates) {
            model.exports.push_back({f->path, powershell::to_string(f->format),
                                     powershell::cmdlet_name(Cmdlet::certificate)});
        }
    }
    // After the certificates: the stores add to the certificates they describe.
    if (!stores.empty()) {
        powershell::apply_certificate_store(stores, model);
        for (const ExportFile* f : stores) {
            model.exports.push_back({f->path, powershell::to_string(f->format),
                                     powershell::cmdlet_name(Cmdlet::certificate_store)});
        }
    }
}

}  // namespace edgeplan::topology
