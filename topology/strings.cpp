#include "topology/strings.h"

#include <algorithm>
#include <cctype>

namespace edgeplan::strings {

namespace {

template <typename Text>
std::string join_texts(const std::vector<Text>& items, std::string_view separator,
                       std::string_view when_empty) {
    // Like every copy this replaced: no separator before the first non-empty text.
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out.empty() ? std::string(when_empty) : out;
}

}  // namespace

std::string join(const std::vector<std::string>& items, std::string_view separator,
                 std::string_view when_empty) {
    return join_texts(items, separator, when_empty);
}

std::string join(const std::vector<topology::InternedText>& items, std::string_view separator,
                 std::string_view when_empty) {
    return join_texts(items, separator, when_empty);
}

namespace {

// ASCII only, whatever the process locale (std::tolower reads it on every call, which was a
// twentieth of a plan's time at the input limits, docs/performance.md).
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), ascii_lower);
    return text;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return ascii_lower(x) == ascii_lower(y);
           });
}

std::string trim(std::string_view text, std::string_view blanks) {
    const std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(blanks);
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace edgeplan::strings
