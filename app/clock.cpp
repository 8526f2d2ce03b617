#include "app/clock.h"

#include <ctime>
#include <regex>

namespace edgeplan::app {
namespace {

int days_in_month(int year, int month0) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month0 == 1 && leap ? 29 : days[month0];
}

}  // namespace

std::optional<TimePoint> parse_iso_date(const std::string& text) {
    static const std::regex form(R"((\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?)");
    std::smatch m;
    if (!std::regex_match(text, m, form)) return std::nullopt;
    std::tm tm{};
    tm.tm_year = std::stoi(m[1]) - 1900;
    tm.tm_mon = std::stoi(m[2]) - 1;
    tm.tm_mday = std::stoi(m[3]);
    if (m[4].matched) {
        tm.tm_hour = std::stoi(m[4]);
        tm.tm_min = std::stoi(m[5]);
        tm.tm_sec = std::stoi(m[6]);
    }
    const int year = tm.tm_year + 1900;
    // The clock counts nanoseconds from 1970 in 64 bits, which ends in April 2262: a later date
    // would wrap (2300 became 1715). timegm would roll 2026-02-30 over to March 2.
    if (year < 1970 || year > kLastYear || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 ||
        tm.tm_mday > days_in_month(year, tm.tm_mon) || tm.tm_hour > 23 || tm.tm_min > 59 ||
        tm.tm_sec > 59) {
        return std::nullopt;
    }
    const std::time_t seconds = timegm(&tm);
    if (seconds == -1) return std::nullopt;
    return std::chrono::system_clock::from_time_t(seconds);
}

std::string format_iso_utc(TimePoint when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace edgeplan::app
