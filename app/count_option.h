#pragma once
// Parses a count option (--concurrency, --sample, --expiry-warning-days): decimal digits only.
// Boost would read "-1" into a size_t as SIZE_MAX and "+5" as 5; a gate's options are refused
// instead when they are not exactly a number in range.
#include <optional>
#include <string>

namespace edgeplan::app {

// Nothing for an empty text, a sign, a space, anything but digits, or a value outside
// [min, max] (max at most 10^17, so the digits cannot overflow).
std::optional<long long> parse_count(const std::string& text, long long min, long long max);

}  // namespace edgeplan::app
