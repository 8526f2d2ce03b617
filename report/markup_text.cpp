#include "report/markup_text.h"

#include <cstdio>

namespace edgeplan::report {
namespace {

constexpr const char* replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0 when it is malformed.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char b0 = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (b0 < 0x80) return 1;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0) low = 0xA0;   // overlong
        if (b0 == 0xED) high = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0) low = 0x90;   // overlong
        if (b0 == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > s.size()) return 0;
    if (byte(1) < low || byte(1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
    }
    return length;
}

}  // namespace

std::string markup_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = sequence_length(s, i);
        if (length == 0) {
            out += replacement;
            ++i;
            continue;
        }
        const std::string_view seq = s.substr(i, length);
        const auto b0 = static_cast<unsigned char>(seq[0]);
        if (length == 1 && (b0 < 0x20 || b0 == 0x7f) && b0 != '\t' && b0 != '\n' && b0 != '\r') {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(b0));
            out += buffer;
        } else if (seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF") {
            out += seq == "\xEF\xBF\xBE" ? "\\u{FFFE}" : "\\u{FFFF}";  // XML 1.0 Char excludes
        } else {
            out += seq;
        }
        i += length;
    }
    return out;
}

}  // namespace edgeplan::report
