#include "checks/selection.h"
#include "topology/strings.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace edgeplan::checks {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

using strings::trim;

// Levenshtein distance, for the suggestions only (names are short, the catalogue small).
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string suggestions(const std::string& wanted, const std::set<std::string>& names) {
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const std::string& name : names)
        ranked.emplace_back(distance(upper(wanted), upper(name)), name);
    std::sort(ranked.begin(), ranked.end());
    std::string out;
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) {
        // Past a third of the name's length, a "suggestion" is noise.
        if (ranked[i].first > std::max<std::size_t>(2, wanted.size() / 3)) break;
        out += (out.empty() ? "" : ", ") + ranked[i].second;
    }
    return out.empty() ? "" : " (did you mean " + out + "?)";
}

std::string resolve(std::vector<std::string>& values, const char* option,
                    const std::set<std::string>& names) {
    std::vector<std::string> resolved;
    for (const std::string& value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t comma = std::min(value.find(',', start), value.size());
            const std::string item = trim(value.substr(start, comma - start));
            start = comma + 1;
            if (item.empty()) {
                return std::string(option) + " '" + value + "' has an empty name";
            }
            const auto match = std::find_if(names.begin(), names.end(), [&](const std::string& n) {
                return upper(n) == upper(item);
            });
            if (match == names.end()) {
                return std::string(option) + " '" + item + "' names no check ID, area or kind" +
                       suggestions(item, names) + "; `edgeplan checks` lists them";
            }
            resolved.push_back(*match);
        }
    }
    values = std::move(resolved);
    return {};
}

}  // namespace

std::string resolve_selection(Selection& selection, const std::vector<CheckInfo>& catalogue) {
    std::set<std::string> names;
    for (const CheckInfo& info : catalogue) {
        names.insert(info.id);
        names.insert(info.area);
        names.insert(to_string(info.kind));
    }
    std::string error = resolve(selection.only, "--only", names);
    if (error.empty()) error = resolve(selection.skip, "--skip", names);
    return error;
}

}  // namespace edgeplan::checks
