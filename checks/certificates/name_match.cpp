// RFC 6125 name matching (see name_match.h for the profile and why).
#include "checks/certificates/name_match.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace edgeplan::checks::certificates {
namespace {

std::string normalise(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!name.empty() && name.back() == '.') name.pop_back();
    return name;
}

bool valid_label(std::string_view label) {
    if (label.empty() || label.size() > 63) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    return std::all_of(label.begin(), label.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

bool valid_host(std::string_view name) {
    if (name.empty() || name.size() > 253) return false;
    std::size_t start = 0;
    for (int round = 0; round < 128; ++round) {
        const std::size_t dot = name.find('.', start);
        const auto label =
            name.substr(start, dot == std::string_view::npos ? name.npos : dot - start);
        if (!valid_label(label)) return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
    return false;
}

// Generic TLDs and the two-label suffixes under which registrants get names. A name found here
// is never the parent of an acceptable wildcard.
constexpr std::array<std::string_view, 32> kTwoLabelSuffixes{
    "co.uk",  "org.uk", "ac.uk",  "gov.uk", "com.au", "net.au", "org.au", "co.nz",
    "co.jp",  "ne.jp",  "or.jp",  "co.za",  "com.br", "com.cn", "net.cn", "org.cn",
    "co.in",  "com.mx", "com.tr", "co.kr",  "com.sg", "com.hk", "co.il",  "com.ar",
    "gov.au", "edu.au", "ac.jp",  "go.jp",  "com.tw", "co.id",  "com.my", "com.pl",
};

}  // namespace

bool is_public_suffix(const std::string& domain) {
    const std::string name = normalise(domain);
    if (name.empty()) return true;
    if (name.find('.') == std::string::npos) return true;  // every single label is a TLD or worse
    return std::find(kTwoLabelSuffixes.begin(), kTwoLabelSuffixes.end(), name) !=
           kTwoLabelSuffixes.end();
}

bool is_wildcard(const std::string& presented) { return presented.find('*') != std::string::npos; }

bool is_acceptable_wildcard(const std::string& presented) {
    const std::string name = normalise(presented);
    if (name.size() < 3 || name.compare(0, 2, "*.") != 0) return false;
    const std::string parent = name.substr(2);
    if (parent.find('*') != std::string::npos) return false;
    return valid_host(parent) && !is_public_suffix(parent);
}

bool dns_name_matches(const std::string& presented_raw, const std::string& reference_raw) {
    const std::string presented = normalise(presented_raw);
    const std::string reference = normalise(reference_raw);
    if (!valid_host(reference)) return false;
    if (!is_wildcard(presented)) return valid_host(presented) && presented == reference;
    if (!is_acceptable_wildcard(presented)) return false;
    // "*.parent" matches exactly one label in front of parent.
    const std::string parent = presented.substr(1);  // ".parent"
    if (reference.size() <= parent.size()) return false;
    if (reference.compare(reference.size() - parent.size(), parent.size(), parent) != 0)
        return false;
    const std::string first = reference.substr(0, reference.size() - parent.size());
    // RFC 6125 6.4.3: no wildcard match on an IDN A-label (xn--) in the wildcard position.
    return first.find('.') == std::string::npos && valid_label(first) &&
           first.rfind("xn--", 0) != 0;
}

bool any_name_matches(const std::vector<std::string>& presented, const std::string& reference) {
    return std::any_of(presented.begin(), presented.end(),
                       [&](const std::string& name) { return dns_name_matches(name, reference); });
}

}  // namespace edgeplan::checks::certificates
