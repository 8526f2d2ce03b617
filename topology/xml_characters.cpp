#include "topology/xml_characters.h"

#include <cstdio>

namespace edgeplan::topology {
namespace {

std::string hex_byte(unsigned char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", byte);
    return text;
}

std::string code_point_name(char32_t c) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(c));
    return text;
}

// Decodes one UTF-8 sequence at `i` strictly (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF). Returns the sequence length, or 0 when it is invalid.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        out = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, out = lead & 0x1Fu, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, out = lead & 0x0Fu, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, out = lead & 0x07u, minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        out = (out << 6) | (byte(i + k) & 0x3Fu);
    }
    if (out < minimum || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
    return length;
}

// Parses the reference "&#123;" or "&#x7B;" at `i`; nullopt when it is not one (pugixml then
// reports the malformed reference itself, or it is plain text).
std::optional<char32_t> character_reference(std::string_view text, std::size_t i,
                                            std::size_t& end) {
    std::size_t k = i + 2;
    const bool hex = k < text.size() && text[k] == 'x';
    if (hex) ++k;
    unsigned long long value = 0;
    std::size_t digits = 0;
    for (; k < text.size() && text[k] != ';'; ++k, ++digits) {
        const char c = text[k];
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) return std::nullopt;
        // Saturate: any value past the Unicode range is as invalid as the next.
        value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + static_cast<unsigned>(digit);
    }
    if (k >= text.size() || digits == 0) return std::nullopt;
    end = k + 1;
    return static_cast<char32_t>(value > 0x110000 ? 0x110000 : value);
}

// Checks the raw character at `i`; on success sets `length` to its byte length.
std::optional<XmlCharacterError> check_raw_character(std::string_view text, std::size_t i,
                                                     std::size_t& length);

}  // namespace

bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::optional<XmlCharacterError> find_invalid_xml_character(std::string_view text) {
    std::size_t i = 0;
    std::size_t length = 0;
    while (i < text.size()) {
        // Printable ASCII other than markup starts is always an XML character, and most of a
        // file: passed over without the comparisons below (a 16 MiB input, docs/performance.md).
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x80 && byte != '<' && byte != '&') {
            ++i;
            continue;
        }
        // References are not expanded in comments and CDATA sections: check those raw.
        const bool comment = text.compare(i, 4, "<!--") == 0;
        if (comment || text.compare(i, 9, "<![CDATA[") == 0) {
            const std::size_t close = text.find(comment ? "-->" : "]]>", i + 4);
            const std::size_t stop = close == std::string_view::npos ? text.size() : close;
            for (; i < stop; i += length) {
                if (auto error = check_raw_character(text, i, length)) return error;
            }
            continue;
        }
        if (text[i] == '&' && i + 1 < text.size() && text[i + 1] == '#') {
            std::size_t end = i;
            if (const auto c = character_reference(text, i, end)) {
                if (!is_xml_char(*c)) {
                    const std::string which =
                        *c > 0x10FFFF ? std::string("beyond Unicode") : code_point_name(*c);
                    return XmlCharacterError{i, "character reference " +
                                                    std::string(text.substr(i, end - i)) +
                                                    " is not an XML character (" + which + ")"};
                }
                i = end;
                continue;
            }
        }
        if (auto error = check_raw_character(text, i, length)) return error;
        i += length;
    }
    return std::nullopt;
}

namespace {

std::optional<XmlCharacterError> check_raw_character(std::string_view text, std::size_t i,
                                                     std::size_t& length) {
    char32_t c = 0;
    length = decode_utf8(text, i, c);
    if (length == 0) {
        return XmlCharacterError{
            i, "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[i])) + ")"};
    }
    if (!is_xml_char(c)) {
        return XmlCharacterError{i, "character " + code_point_name(c) + " is not allowed in XML"};
    }
    return std::nullopt;
}

}  // namespace

}  // namespace edgeplan::topology
