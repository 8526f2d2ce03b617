#pragma once
// Column-aligned plain-text tables for the text renderer. Cells are cleaned of control
// characters so report text (which comes from input files) can never move the cursor or inject
// terminal escapes; colour is added by the renderer only, after alignment.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace edgeplan::report::text {

// Tab, CR and LF become a space; other C0 controls and DEL become a visible \xNN.
std::string clean(std::string_view s);

// Columns a UTF-8 string takes on a terminal: one per code point (no East Asian width table:
// the topology names are DNS names and labels, wide characters are rare and only misalign).
std::size_t display_width(std::string_view s);

// `s` followed by spaces up to `width` columns.
std::string pad(std::string_view s, std::size_t width);

// `s` cut into lines of at most `width` columns (width >= 1): breaks after spaces, commas and
// slashes where it can, inside a word only when the word alone is too wide. Never empty.
std::vector<std::string> wrap(std::string_view s, std::size_t width);
// The same lines as views of `s`, into `lines` (cleared first).
void wrap_into(std::string_view s, std::size_t width, std::vector<std::string_view>& lines);

// `text` wrapped to `width` columns, the first line after `first`, the others after `next`
// (prefixes narrower than `width`; when they are not, a width of 20 columns is kept for text).
void write_wrapped(std::ostream& out, std::string_view first, std::string_view next,
                   std::string_view text, std::size_t width);

// "Title" and a line of '-' as wide as it.
void section(std::ostream& out, std::string_view title);

class Table {
  public:
    explicit Table(std::vector<std::string> headers);
    // Missing cells are empty, extra cells are an error in the caller and dropped.
    void add_row(std::vector<std::string> cells);
    bool empty() const { return rows_ == 0; }
    // Header, dashes, rows; two spaces between columns, no trailing blanks, no line wider than
    // `width` columns: the widest columns are narrowed and their cells wrapped onto more lines;
    // when even that cannot fit, each row is printed as "HEADER: value" lines instead.
    void render(std::ostream& out, std::string_view indent, std::size_t width = 100) const;

  private:
    // Cell `column` of row `row`, cleaned.
    std::string_view cell(std::size_t row, std::size_t column) const;
    std::vector<std::string> headers_;
    // Every cleaned cell, row after row, in strings of about 1 MiB (a row never spans two), and
    // where each cell ends in its string: a vector of strings per row cost about three times the
    // text for a 120,000-row DNS table, and one string growing by doubling up to twice
    // (docs/performance.md, "Input limits").
    std::vector<std::string> chunks_;
    std::vector<std::uint32_t> row_chunk_;  // per row: its string in chunks_
    std::vector<std::uint32_t> row_start_;  // per row: where its first cell starts
    std::vector<std::uint32_t> cell_end_;   // per cell, row after row
    std::size_t rows_ = 0;
};

}  // namespace edgeplan::report::text
