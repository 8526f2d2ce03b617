#pragma once
// Parses a duration option such as "10m", "3s", "500ms", "1h" or a plain number of seconds.
#include <chrono>
#include <optional>
#include <string>

namespace edgeplan::app {

// Nothing for malformed text, zero, or more than `max`.
std::optional<std::chrono::milliseconds> parse_duration(
    const std::string& text, std::chrono::milliseconds max = std::chrono::hours(24));

}  // namespace edgeplan::app
