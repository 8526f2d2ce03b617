#include "app/clock.h"

#include <ctime>
#include <regex>

namespace edgeplan::app {

std::optional<TimePoint> parse_iso_date(const std::string& text) {
    static const std::regex form(R"((\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?)");
    std::smatch m;
    if (!std::regex_match(text, m, form)) return std::nullopt;
    const int year = std::stoi(m[1]);
    const int month = std::stoi(m[2]);
    const int day = std::stoi(m[3]);
    // A real day only: timegm would roll 2026-02-30 over to March 2.
    if (year < kFirstYear || year > kLastYear || !checks::is_calendar_date(year, month, day)) {
        return std::nullopt;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (m[4].matched) {
        hour = std::stoi(m[4]);
        minute = std::stoi(m[5]);
        second = std::stoi(m[6]);
        if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    }
    return checks::utc_midnight(year, month, day) + std::chrono::hours(hour) +
           std::chrono::minutes(minute) + std::chrono::seconds(second);
}

std::string format_iso_utc(TimePoint when) {
    const std::time_t seconds = checks::UtcClock::to_time_t(when);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace edgeplan::app
