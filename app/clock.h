#pragma once
// The one clock: `--now YYYY-MM-DD[THH:MM:SSZ]` sets it so date-dependent rules and golden
// files are stable; without it, the system clock. Seconds resolution (checks/utc_clock.h), so
// every year the tool accepts fits.
#include <optional>
#include <string>

#include "checks/utc_clock.h"

namespace edgeplan::app {

using TimePoint = checks::UtcClock::time_point;

// The range of dates accepted on input (`--now`, waiver `expires`): four-digit years.
constexpr int kFirstYear = 1970;
constexpr int kLastYear = 9999;
// nullopt for anything but a real calendar date (and time) from kFirstYear to kLastYear.
std::optional<TimePoint> parse_iso_date(const std::string& text);
std::string format_iso_utc(TimePoint when);  // 2026-11-21T18:00:00Z

}  // namespace edgeplan::app
