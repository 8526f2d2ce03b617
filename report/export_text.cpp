#include "report/export_text.h"

#include <cctype>

namespace edgeplan::report::export_text {

bool is_dns_name(const std::string& name) {
    if (name.empty() || name.size() > 253) return false;
    std::size_t label = 0;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
            continue;
        }
        if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
        if (++label > 63) return false;
    }
    return label != 0;
}

std::string file_stem(const std::string& text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        out += (std::isalnum(c) || c == '.' || c == '-' || c == '_') ? ch : '_';
    }
    if (out.empty() || out == "." || out == "..") out = "_" + out;
    return out;
}

std::string comment_text(const std::string& text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        out += (c < 0x20 || c == 0x7f) ? ' ' : ch;
    }
    return out;
}

std::string join(const std::string& dir, const std::string& name) {
    if (dir.empty()) return name;
    return dir.back() == '/' ? dir + name : dir + "/" + name;
}

}  // namespace edgeplan::report::export_text
