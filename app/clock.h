#pragma once
// The one clock: `--now YYYY-MM-DD[THH:MM:SSZ]` sets it so date-dependent rules and golden
// files are stable; without it, the system clock.
#include <chrono>
#include <optional>
#include <string>

namespace edgeplan::app {

using TimePoint = std::chrono::system_clock::time_point;

// The last year a TimePoint holds whole (system_clock counts nanoseconds in 64 bits).
constexpr int kLastYear = 2261;
// nullopt for anything but a real calendar date from 1970 to kLastYear.
std::optional<TimePoint> parse_iso_date(const std::string& text);
std::string format_iso_utc(TimePoint when);  // 2026-11-21T18:00:00Z

}  // namespace edgeplan::app
