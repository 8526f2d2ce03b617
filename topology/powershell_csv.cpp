// Export-Csv: an optional "#TYPE <type name>" line (Windows PowerShell writes it unless
// -NoTypeInformation; PowerShell 7 only with -IncludeTypeInformation), a header of property
// names, then one row per object. Fields are RFC 4180: quoted with "" for a quote, and a quoted
// field may span lines. -Delimiter or -UseCulture may have chosen ';' or a tab.
#include "topology/input_error.h"
#include "topology/powershell_records.h"

namespace edgeplan::topology::powershell {
namespace {

struct Field {
    std::string text;
    bool quoted = false;
    std::size_t offset = 0;
};

class CsvParser {
  public:
    CsvParser(const std::string& path, const std::string& text, char delimiter, int first_line)
        : text_(text), delimiter_(delimiter), lines_(path, text, first_line) {}

    bool at_end() const { return pos_ >= text_.size(); }
    std::size_t offset() const { return pos_; }

    // One record; false at the end of the text. Empty lines are skipped.
    bool next_row(std::vector<Field>& row, std::size_t& row_offset) {
        while (pos_ < text_.size() && (text_[pos_] == '\r' || text_[pos_] == '\n')) ++pos_;
        if (pos_ >= text_.size()) return false;
        row.clear();
        row_offset = pos_;
        for (;;) {
            row.push_back(next_field());
            if (pos_ >= text_.size()) return true;
            const char c = text_[pos_];
            if (c == delimiter_) {
                ++pos_;
                continue;
            }
            if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
            ++pos_;  // the line end
            return true;
        }
    }

  private:
    Field next_field() {
        Field field;
        field.offset = pos_;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            field.quoted = true;
            ++pos_;
            for (;;) {
                if (pos_ >= text_.size()) {
                    throw InputError(lines_.at(field.offset), "quoted CSV field is not closed");
                }
                const char c = text_[pos_++];
                if (c != '"') {
                    field.text += c;
                } else if (pos_ < text_.size() && text_[pos_] == '"') {
                    field.text += '"';
                    ++pos_;
                } else {
                    break;
                }
            }
            if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\r' &&
                text_[pos_] != '\n') {
                throw InputError(lines_.at(pos_), "unexpected character after a quoted CSV field");
            }
            return field;
        }
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\r' &&
               text_[pos_] != '\n') {
            if (text_[pos_] == '"') {
                throw InputError(lines_.at(pos_), "quote inside an unquoted CSV field");
            }
            field.text += text_[pos_++];
        }
        return field;
    }

    const std::string& text_;
    char delimiter_;
    LineIndex lines_;
    std::size_t pos_ = 0;
};

// The delimiter is the one of ',', ';' and tab that occurs most often outside quotes in the
// header line (property names contain none of them).
char detect_delimiter(std::string_view header) {
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : header) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

std::string strip_type_prefixes(std::string type) {
    for (const char* prefix : {"Selected.", "Deserialized.", "CSV:"}) {
        const std::string p(prefix);
        if (type.compare(0, p.size(), p) == 0) type.erase(0, p.size());
    }
    return type;
}

}  // namespace

ExportFile read_csv(const std::string& path, const std::string& utf8, const ExportLimits& limits) {
    ExportFile file;
    file.path = path;
    file.format = ExportFormat::csv;
    std::size_t start = 0;
    if (utf8.compare(0, 1, "#") == 0) {
        const std::size_t end = utf8.find('\n');
        std::string line = utf8.substr(0, end == std::string::npos ? utf8.size() : end);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.compare(0, 6, "#TYPE ") != 0 || line.size() == 6) {
            throw InputError({path, 1, 1},
                             "a CSV export may start with '#TYPE <type name>' and nothing else");
        }
        file.type_names.push_back(strip_type_prefixes(line.substr(6)));
        start = end == std::string::npos ? utf8.size() : end + 1;
    }
    const std::string body = utf8.substr(start);
    const std::size_t header_end = body.find('\n');
    const char delimiter = detect_delimiter(body.substr(0, header_end));
    const SourceLocation base = location_in(path, utf8, start);
    CsvParser parser(path, body, delimiter, base.line);
    const LineIndex lines(path, body, base.line);
    auto where = [&](std::size_t offset) { return lines.at(offset); };
    std::vector<Field> header;
    std::size_t offset = 0;
    if (!parser.next_row(header, offset)) {
        throw InputError({path, base.line, 1}, "CSV export has no header line");
    }
    file.where = where(offset);
    if (header.size() > limits.max_properties) {
        throw InputError(file.where, "CSV header has " + std::to_string(header.size()) +
                                         " columns, over the limit of " +
                                         std::to_string(limits.max_properties));
    }
    for (const Field& name : header) {
        if (name.text.empty()) throw InputError(where(name.offset), "empty CSV column name");
        for (const std::string& seen : file.property_names) {
            if (iequals(seen, name.text)) {
                throw InputError(where(name.offset),
                                 "CSV column '" + name.text + "' appears twice");
            }
        }
        file.property_names.push_back(name.text);
    }
    std::vector<Field> row;
    while (parser.next_row(row, offset)) {
        const SourceLocation row_where = where(offset);
        if (row.size() != header.size()) {
            throw InputError(row_where, "CSV row has " + std::to_string(row.size()) +
                                            " fields, the header " + std::to_string(header.size()));
        }
        if (file.records.size() >= limits.max_records) {
            throw InputError(row_where, "more than " + std::to_string(limits.max_records) +
                                            " rows in one export");
        }
        ExportRecord record;
        record.where = row_where;
        for (std::size_t i = 0; i < row.size(); ++i) {
            ExportValue value;
            value.where = where(row[i].offset);
            // Export-Csv writes $null as an empty field.
            value.kind = row[i].text.empty() ? ExportValue::Kind::null : ExportValue::Kind::text;
            value.text = row[i].text;
            record.properties.emplace_back(file.property_names[i], std::move(value));
        }
        file.records.push_back(std::move(record));
    }
    return file;
}

}  // namespace edgeplan::topology::powershell
