#pragma once
// The run's one clock (`--now` sets it) at seconds resolution. std::chrono::system_clock counts
// nanoseconds in 64 bits and ends in April 2262: `--now 2300-01-01` wrapped to 1715, and a
// certificate valid to 9999-12-31 (RFC 5280 4.1.2.5: 99991231235959Z, "no well-defined
// expiration date") would too. Seconds hold every date the tool accepts (1970-9999) many times
// over, so dates are carried at seconds resolution everywhere. The time point type is the one
// C++20 names std::chrono::sys_seconds; this project builds as C++17, which lacks the name and
// the calendar types, hence days_from_civil below.
#include <chrono>
#include <ctime>

namespace edgeplan::checks {

struct UtcClock {
    using duration = std::chrono::seconds;
    using rep = duration::rep;
    using period = duration::period;
    using time_point = std::chrono::time_point<std::chrono::system_clock, duration>;  // sys_seconds
    static constexpr bool is_steady = false;

    static time_point now() noexcept {
        return std::chrono::time_point_cast<duration>(std::chrono::system_clock::now());
    }
    static std::time_t to_time_t(time_point when) noexcept {
        return static_cast<std::time_t>(when.time_since_epoch().count());
    }
    static time_point from_time_t(std::time_t seconds) noexcept {
        return time_point(duration(seconds));
    }
};

constexpr bool is_leap_year(long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// True for a day that exists in the proleptic Gregorian calendar (2026-02-30 does not).
constexpr bool is_calendar_date(long year, int month, int day) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    return day <= (month == 2 && is_leap_year(year) ? 29 : days[month - 1]);
}

// Days since 1970-01-01 of a calendar date (H. Hinnant's days_from_civil, the algorithm behind
// C++20's sys_days).
constexpr long days_from_civil(long year, int month, int day) {
    const long y = year - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// 00:00:00 UTC of a calendar date.
constexpr UtcClock::time_point utc_midnight(long year, int month, int day) {
    return UtcClock::time_point(std::chrono::seconds(days_from_civil(year, month, day) * 86400));
}

}  // namespace edgeplan::checks
