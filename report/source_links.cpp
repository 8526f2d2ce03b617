#include "report/source_links.h"

#include <cctype>
#include <map>
#include <sstream>

namespace edgeplan::report {
namespace {

// file -> url, from the first two columns of docs/sources.tsv (header line skipped).
const std::map<std::string, std::string>& table() {
    static const std::map<std::string, std::string> parsed = [] {
        std::map<std::string, std::string> out;
        std::istringstream in(sources_tsv);
        std::string line;
        bool header = true;
        while (std::getline(in, line)) {
            if (header) {
                header = false;
                continue;
            }
            const auto first = line.find('\t');
            if (first == std::string::npos) continue;
            const auto second = line.find('\t', first + 1);
            out[line.substr(0, first)] = line.substr(first + 1, second - first - 1);
        }
        return out;
    }();
    return parsed;
}

// "RFC 8996", "RFC2782" -> the number; empty otherwise.
std::string rfc_number(const std::string& key) {
    if (key.rfind("RFC", 0) != 0) return "";
    std::size_t i = 3;
    while (i < key.size() && key[i] == ' ') ++i;
    std::string digits;
    while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]))) digits += key[i++];
    return i == key.size() ? digits : "";
}

}  // namespace

std::string source_url(const std::string& file_name) {
    const auto found = table().find(file_name);
    return found == table().end() ? "" : found->second;
}

std::string citation_url(const checks::Citation& citation) {
    if (std::string url = source_url(citation.page); !url.empty()) return url;
    if (citation.page.rfind("https://", 0) == 0)
        return citation.page.substr(0, citation.page.find(' '));
    if (const std::string rfc = rfc_number(citation.key); !rfc.empty()) {
        return "https://www.rfc-editor.org/rfc/rfc" + rfc;
    }
    return "";
}

std::string citation_label(const checks::Citation& citation) {
    return citation.page.empty() ? citation.key : citation.page;
}

}  // namespace edgeplan::report
