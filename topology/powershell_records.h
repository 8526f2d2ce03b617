#pragma once
// What a PowerShell export file holds once its format is undone: objects with named properties,
// each property a text, a list of texts, null, or a nested object the format could not flatten.
// Export-Clixml, Export-Csv and ConvertTo-Json all become this, so recognising a cmdlet and
// taking its facts into the model is written once (docs/settings-from.md).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "topology/source_location.h"

namespace edgeplan::topology::powershell {

enum class ExportFormat { clixml, csv, json };
const char* to_string(ExportFormat format);

struct ExportValue {
    enum class Kind { text, list, null, object, number };
    Kind kind = Kind::text;
    std::string text;                // text and number kinds
    std::vector<std::string> items;  // list kind
    SourceLocation where;
};

struct ExportRecord {
    std::vector<std::pair<std::string, ExportValue>> properties;
    SourceLocation where;  // the object (CLIXML <Obj>, CSV row, JSON object)

    // Property names compare case-insensitively, as PowerShell's do.
    const ExportValue* find(std::string_view name) const;
};

struct ExportFile {
    std::string path;
    ExportFormat format = ExportFormat::csv;
    std::string encoding;                 // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", ...
    std::vector<std::string> type_names;  // CLIXML <TN>/<T> or the CSV #TYPE line, "Deserialized."
                                          // and "Selected." prefixes removed
    std::vector<std::string> property_names;  // CSV header, or every property name seen
    std::vector<ExportRecord> records;
    SourceLocation where;  // the header line (CSV), root element (CLIXML), first value (JSON)
};

// Limits of one export file (docs/settings-from.md, "Limits").
struct ExportLimits {
    std::size_t max_file_bytes = 16 * 1024 * 1024;
    std::size_t max_records = 100000;
    std::size_t max_properties = 512;  // per record
    int max_depth = 64;                // JSON and CLIXML nesting
};

// --- text (powershell_text.cpp) -------------------------------------------------------------
// Export-Csv and ConvertTo-Json | Out-File write UTF-8 (with or without BOM), UTF-16LE/BE with
// BOM or ASCII, depending on the PowerShell version and -Encoding. Returns the text as UTF-8
// and names the encoding; invalid UTF-8 or UTF-16, and NUL characters, are InputErrors with
// file:line:column.
std::string decode_text(const std::string& path, const std::string& bytes, std::string& encoding);
// file:line:column of a byte offset in decoded text (columns count characters).
SourceLocation location_in(const std::string& path, std::string_view utf8, std::size_t offset);
// The same for many offsets: the line starts are found once, so locating every field of a
// large export stays linear.
class LineIndex {
  public:
    LineIndex(std::string path, std::string_view utf8, int first_line = 1);
    SourceLocation at(std::size_t offset) const;

  private:
    SourcePath path_;  // shared by every location it makes
    std::string_view text_;
    int first_line_;
    std::vector<std::size_t> starts_;
};

// --- formats -------------------------------------------------------------------------------
// Each throws InputError with file:line:column when the file is not what it claims to be.
ExportFile read_clixml(const std::string& path, const std::string& bytes,
                       const ExportLimits& limits);
ExportFile read_csv(const std::string& path, const std::string& utf8, const ExportLimits& limits);
ExportFile read_json(const std::string& path, const std::string& utf8, const ExportLimits& limits);

bool iequals(std::string_view a, std::string_view b);
bool icontains(std::string_view haystack, std::string_view needle);

}  // namespace edgeplan::topology::powershell
