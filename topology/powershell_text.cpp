// Decoding of text exports (Export-Csv, ConvertTo-Json) and the helpers every export reader
// shares. Windows PowerShell 5.1 writes Export-Csv as ASCII by default and Out-File as UTF-16LE
// with BOM; PowerShell 7 writes UTF-8 without BOM; -Encoding picks any of them.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

#include "topology/input_error.h"
#include "topology/powershell_records.h"

namespace edgeplan::topology::powershell {
namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Position while decoding: line and column count characters, as the XML reader's do.
struct Cursor {
    int line = 1;
    int column = 1;
    void advance(uint32_t cp) {
        if (cp == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
};

[[noreturn]] void fail(const std::string& path, const Cursor& at, const std::string& message) {
    throw InputError({path, at.line, at.column}, message);
}

std::string from_utf16(const std::string& path, const std::string& bytes, std::size_t start,
                       bool big_endian) {
    auto unit_at = [&](std::size_t i) -> uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return big_endian ? (uint32_t(a) << 8 | b) : (uint32_t(b) << 8 | a);
    };
    std::string out;
    out.reserve(bytes.size() / 2);
    Cursor at;
    std::size_t i = start;
    for (; i + 1 < bytes.size(); i += 2) {
        uint32_t cp = unit_at(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const uint32_t low = i + 3 < bytes.size() ? unit_at(i + 2) : 0;
            if (low < 0xDC00 || low > 0xDFFF)
                fail(path, at, "invalid UTF-16 (lone high surrogate)");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail(path, at, "invalid UTF-16 (lone low surrogate)");
        }
        if (cp == 0) fail(path, at, "NUL character in a text export");
        append_utf8(out, cp);
        at.advance(cp);
    }
    if (i < bytes.size()) fail(path, at, "UTF-16 text with an odd number of bytes");
    return out;
}

// Non-UTF-8 text is most often ANSI (Windows-1252) from Windows PowerShell.
constexpr const char* kAnsiHint =
    "; Windows PowerShell 5.1 writes ANSI with -Encoding Default: export again with -Encoding "
    "UTF8 or Unicode";

// Checks UTF-8 (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF).
std::string checked_utf8(const std::string& path, const std::string& bytes, std::size_t start) {
    Cursor at;
    std::size_t i = start;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        int length = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            length = 1;
            cp = c;
        } else if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            cp = c & 0x07;
        } else {
            fail(path, at,
                 "invalid UTF-8 (byte 0x" + std::string(1, "0123456789ABCDEF"[c >> 4]) +
                     "0123456789ABCDEF"[c & 15] + ")" + kAnsiHint);
        }
        if (i + std::size_t(length) > bytes.size()) {
            fail(path, at, std::string("invalid UTF-8 (truncated sequence)") + kAnsiHint);
        }
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + std::size_t(k)]);
            if ((next & 0xC0) != 0x80) {
                fail(path, at, std::string("invalid UTF-8 (bad continuation byte)") + kAnsiHint);
            }
            cp = (cp << 6) | (next & 0x3F);
        }
        const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            fail(path, at, "invalid UTF-8 sequence");
        }
        if (cp == 0) fail(path, at, "NUL character in a text export");
        at.advance(cp);
        i += std::size_t(length);
    }
    return bytes.substr(start);
}

bool starts_with_bytes(const std::string& bytes, std::initializer_list<unsigned char> prefix) {
    if (bytes.size() < prefix.size()) return false;
    std::size_t i = 0;
    for (unsigned char c : prefix) {
        if (static_cast<unsigned char>(bytes[i++]) != c) return false;
    }
    return true;
}

}  // namespace

const char* to_string(ExportFormat format) {
    switch (format) {
        case ExportFormat::clixml:
            return "clixml";
        case ExportFormat::csv:
            return "csv";
        case ExportFormat::json:
            return "json";
    }
    return "csv";
}

std::string decode_text(const std::string& path, const std::string& bytes, std::string& encoding) {
    if (starts_with_bytes(bytes, {0xEF, 0xBB, 0xBF})) {
        encoding = "UTF-8 with BOM";
        return checked_utf8(path, bytes, 3);
    }
    if (starts_with_bytes(bytes, {0xFF, 0xFE})) {
        encoding = "UTF-16LE with BOM";
        return from_utf16(path, bytes, 2, false);
    }
    if (starts_with_bytes(bytes, {0xFE, 0xFF})) {
        encoding = "UTF-16BE with BOM";
        return from_utf16(path, bytes, 2, true);
    }
    // Without a BOM, UTF-16 shows as NUL in every other byte of ASCII text (the first
    // character of an export is always ASCII: '#', '"', '{', '[' or a letter).
    if (bytes.size() >= 2 && bytes[0] != '\0' && bytes[1] == '\0') {
        encoding = "UTF-16LE";
        return from_utf16(path, bytes, 0, false);
    }
    if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] != '\0') {
        encoding = "UTF-16BE";
        return from_utf16(path, bytes, 0, true);
    }
    std::string text = checked_utf8(path, bytes, 0);
    bool ascii = true;
    for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    encoding = ascii ? "ASCII" : "UTF-8";
    return text;
}

SourceLocation location_in(const std::string& path, std::string_view utf8, std::size_t offset) {
    SourceLocation where{path, 1, 1};
    for (std::size_t i = 0; i < offset && i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == '\n') {
            ++where.line;
            where.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++where.column;
        }
    }
    return where;
}

LineIndex::LineIndex(std::string path, std::string_view utf8, int first_line)
    : path_(std::move(path)), text_(utf8), first_line_(first_line) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '\n') starts_.push_back(i + 1);
    }
}

SourceLocation LineIndex::at(std::size_t offset) const {
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(next - starts_.begin()) - 1;
    int column = 1;
    for (std::size_t i = starts_[line]; i < offset && i < text_.size(); ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return SourceLocation{path_, first_line_ + static_cast<int>(line), column};
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[i]);
        if (std::tolower(x) != std::tolower(y)) return false;
    }
    return true;
}

bool icontains(std::string_view haystack, std::string_view needle) {
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (iequals(haystack.substr(i, needle.size()), needle)) return true;
    }
    return false;
}

const ExportValue* ExportRecord::find(std::string_view name) const {
    for (const auto& [key, value] : properties) {
        if (iequals(key, name)) return &value;
    }
    return nullptr;
}

}  // namespace edgeplan::topology::powershell
