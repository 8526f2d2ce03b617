// ConvertTo-Json output: one object, or an array of objects (a cmdlet that returned several).
// Scalars become texts, arrays of scalars lists; a nested object (ConvertTo-Json writes an
// XdsIdentity or a certificate store object that way) stays an object the mapping can name in
// an error. RFC 8259 syntax, with a depth limit so no input can exhaust the stack.
#include <cstdint>

#include "topology/input_error.h"
#include "topology/powershell_records.h"

namespace edgeplan::topology::powershell {
namespace {

class JsonParser {
  public:
    JsonParser(const std::string& path, const std::string& text, const ExportLimits& limits)
        : text_(text), limits_(limits), lines_(path, text) {}

    ExportFile parse() {
        ExportFile file;
        file.format = ExportFormat::json;
        skip_space();
        file.where = lines_.at(pos_);
        if (peek() == '[') {
            ++pos_;
            skip_space();
            if (peek() == ']') {
                ++pos_;
            } else {
                for (;;) {
                    skip_space();
                    if (peek() != '{') fail("expected an object in the array");
                    if (file.records.size() >= limits_.max_records) {
                        fail("more than " + std::to_string(limits_.max_records) +
                             " objects in one export");
                    }
                    file.records.push_back(object_record(file.property_names));
                    skip_space();
                    if (peek() == ',') {
                        ++pos_;
                        continue;
                    }
                    expect(']');
                    break;
                }
            }
        } else if (peek() == '{') {
            file.records.push_back(object_record(file.property_names));
        } else {
            fail("expected a JSON object or an array of objects (ConvertTo-Json output)");
        }
        skip_space();
        if (pos_ < text_.size()) fail("unexpected text after the JSON value");
        return file;
    }

  private:
    [[noreturn]] void fail(const std::string& message) const {
        throw InputError(lines_.at(pos_), message);
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    void expect(char c) {
        if (peek() != c) fail(std::string("expected '") + c + "'");
        ++pos_;
    }
    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\n')) {
            ++pos_;
        }
    }

    ExportRecord object_record(std::vector<std::string>& names) {
        ExportRecord record;
        record.where = lines_.at(pos_);
        expect('{');
        skip_space();
        if (peek() == '}') {
            ++pos_;
            return record;
        }
        for (;;) {
            skip_space();
            const std::size_t key_at = pos_;
            std::string key = string_value();
            if (record.find(key)) {
                pos_ = key_at;
                fail("property '" + key + "' appears twice in one object");
            }
            if (record.properties.size() >= limits_.max_properties) {
                fail("more than " + std::to_string(limits_.max_properties) +
                     " properties in one object");
            }
            skip_space();
            expect(':');
            skip_space();
            ExportValue value = property_value();
            bool known = false;
            for (const std::string& n : names) known = known || iequals(n, key);
            if (!known) names.push_back(key);
            record.properties.emplace_back(std::move(key), std::move(value));
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            expect('}');
            return record;
        }
    }

    ExportValue property_value() {
        ExportValue value;
        value.where = lines_.at(pos_);
        const char c = peek();
        if (c == '"') {
            value.text = string_value();
        } else if (c == '{') {
            skip_nested(1);
            value.kind = ExportValue::Kind::object;
        } else if (c == '[') {
            std::vector<std::string> items;
            if (scalar_array(items)) {
                value.kind = ExportValue::Kind::list;
                value.items = std::move(items);
            } else {
                value.kind = ExportValue::Kind::object;
            }
        } else if (literal("true")) {
            value.text = "True";
        } else if (literal("false")) {
            value.text = "False";
        } else if (literal("null")) {
            value.kind = ExportValue::Kind::null;
        } else {
            value.kind = ExportValue::Kind::number;
            value.text = number();
        }
        return value;
    }

    // Reads an array; true when every item is a scalar (kept in `items`), false when it held an
    // object or array (skipped).
    bool scalar_array(std::vector<std::string>& items) {
        expect('[');
        bool flat = true;
        skip_space();
        if (peek() == ']') {
            ++pos_;
            return true;
        }
        for (;;) {
            skip_space();
            const char c = peek();
            if (c == '{' || c == '[') {
                skip_nested(1);
                flat = false;
            } else if (c == '"') {
                items.push_back(string_value());
            } else if (literal("true")) {
                items.emplace_back("True");
            } else if (literal("false")) {
                items.emplace_back("False");
            } else if (literal("null")) {
            } else {
                items.push_back(number());
            }
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            expect(']');
            return flat;
        }
    }

    // Skips one object or array, checking its syntax.
    void skip_nested(int depth) {
        if (depth > limits_.max_depth) {
            fail("JSON nested deeper than " + std::to_string(limits_.max_depth) + " levels");
        }
        const char open = peek();
        const char close = open == '{' ? '}' : ']';
        ++pos_;
        skip_space();
        if (peek() == close) {
            ++pos_;
            return;
        }
        for (;;) {
            skip_space();
            if (open == '{') {
                string_value();
                skip_space();
                expect(':');
                skip_space();
            }
            const char c = peek();
            if (c == '{' || c == '[') {
                skip_nested(depth + 1);
            } else if (c == '"') {
                string_value();
            } else if (!literal("true") && !literal("false") && !literal("null")) {
                number();
            }
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            expect(close);
            return;
        }
    }

    bool literal(const char* word) {
        const std::string_view w(word);
        if (text_.compare(pos_, w.size(), w) != 0) return false;
        pos_ += w.size();
        return true;
    }

    std::string number() {
        const std::size_t start = pos_;
        if (peek() == '-') ++pos_;
        auto digits = [&] {
            const std::size_t from = pos_;
            while (peek() >= '0' && peek() <= '9') ++pos_;
            return pos_ > from;
        };
        if (!digits()) {
            pos_ = start;
            fail("expected a JSON value");
        }
        if (peek() == '.') {
            ++pos_;
            if (!digits()) fail("malformed JSON number");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!digits()) fail("malformed JSON number");
        }
        return text_.substr(start, pos_ - start);
    }

    static void append_utf8(std::string& out, uint32_t cp) {
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

    uint32_t hex4() {
        uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = peek();
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
            if (digit < 0) fail("malformed \\u escape");
            value = value * 16 + uint32_t(digit);
            ++pos_;
        }
        return value;
    }

    std::string string_value() {
        expect('"');
        std::string out;
        for (;;) {
            if (pos_ >= text_.size()) fail("JSON string is not closed");
            const char c = text_[pos_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) {
                --pos_;
                fail("control character inside a JSON string");
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            const char e = peek();
            ++pos_;
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out += e;
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    uint32_t cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (!literal("\\u")) fail("lone surrogate in a \\u escape");
                        const uint32_t low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("lone surrogate in a \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail("lone surrogate in a \\u escape");
                    }
                    if (cp == 0) fail("NUL character in a JSON string");
                    append_utf8(out, cp);
                    break;
                }
                default:
                    --pos_;
                    fail("unknown escape in a JSON string");
            }
        }
    }

    const std::string& text_;
    const ExportLimits& limits_;
    LineIndex lines_;
    std::size_t pos_ = 0;
};

}  // namespace

ExportFile read_json(const std::string& path, const std::string& utf8, const ExportLimits& limits) {
    ExportFile file = JsonParser(path, utf8, limits).parse();
    file.path = path;
    return file;
}

}  // namespace edgeplan::topology::powershell
