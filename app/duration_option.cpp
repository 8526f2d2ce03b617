#include "app/duration_option.h"

#include <cstdint>

namespace edgeplan::app {

std::optional<std::chrono::milliseconds> parse_duration(const std::string& text,
                                                        std::chrono::milliseconds max) {
    std::size_t digits = 0;
    std::int64_t value = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        value = value * 10 + (text[digits] - '0');
        if (value > 100'000'000) return std::nullopt;
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    const std::string unit = text.substr(digits);
    std::int64_t factor = 0;
    if (unit == "ms") {
        factor = 1;
    } else if (unit.empty() || unit == "s") {
        factor = 1000;
    } else if (unit == "m") {
        factor = 60'000;
    } else if (unit == "h") {
        factor = 3'600'000;
    } else {
        return std::nullopt;
    }
    const std::chrono::milliseconds result(value * factor);
    if (result.count() == 0 || result > max) return std::nullopt;
    return result;
}

}  // namespace edgeplan::app
