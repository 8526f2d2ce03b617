#include "app/count_option.h"

namespace edgeplan::app {

std::optional<long long> parse_count(const std::string& text, long long min, long long max) {
    if (text.empty()) return std::nullopt;
    long long value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        // Stop before overflow: any value past `max` is refused alike.
        if (value > max) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < min || value > max) return std::nullopt;
    return value;
}

}  // namespace edgeplan::app
