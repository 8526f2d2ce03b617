#include "report/export_text.h"

#include <cctype>

#include "report/exports.h"

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

namespace edgeplan::report {

std::vector<std::string> findings_about(const std::vector<checks::Finding>& findings,
                                        const std::string& name, const std::string& value) {
    std::vector<std::string> out;
    for (const checks::Finding& f : findings) {
        if (f.status != checks::Status::fail && f.status != checks::Status::warn) continue;
        std::string fqdn;
        std::string ip;
        for (const auto& [key, text] : f.evidence) {
            if (key == "fqdn") fqdn = text;
            if (key == "ip") ip = text;
        }
        const bool by_subject = f.subject.rfind("plan:" + name + "/", 0) == 0 ||
                                f.subject.rfind("dns:" + name + "/", 0) == 0;
        const bool by_evidence = fqdn == name;
        if (!by_subject && !by_evidence) continue;
        if (!value.empty() && !ip.empty() && ip != value) continue;
        if (!value.empty() && ip.empty() && f.subject.find('=') != std::string::npos &&
            f.subject.substr(f.subject.find('=') + 1) != value) {
            continue;
        }
        out.push_back(std::string(f.status == checks::Status::fail ? "FAIL " : "WARN ") +
                      f.check_id + ": " + export_text::comment_text(f.message));
    }
    return out;
}

}  // namespace edgeplan::report
