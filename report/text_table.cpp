#include "report/text_table.h"

#include <algorithm>
#include <cstdio>

namespace edgeplan::report::text {

std::string clean(std::string_view s) {
    // Most cells hold no control character: copied whole.
    if (std::none_of(s.begin(), s.end(), [](char ch) {
            const auto byte = static_cast<unsigned char>(ch);
            return byte < 0x20 || byte == 0x7f;
        })) {
        return std::string(s);
    }
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto byte = static_cast<unsigned char>(ch);
        if (ch == '\t' || ch == '\n' || ch == '\r') {
            out += ' ';
        } else if (byte < 0x20 || byte == 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(byte));
            out += buffer;
        } else {
            out += ch;
        }
    }
    return out;
}

std::size_t display_width(std::string_view s) {
    // Count every byte that does not continue a UTF-8 sequence (10xxxxxx).
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) {
        return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    }));
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    const std::size_t w = display_width(s);
    if (w < width) out.append(width - w, ' ');
    return out;
}

void section(std::ostream& out, std::string_view title) {
    out << title << "\n" << std::string(display_width(title), '-') << "\n";
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::add_row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    std::size_t bytes = 0;
    for (std::string& c : cells) {
        c = clean(c);
        bytes += c.size();
    }
    constexpr std::size_t chunk_bytes = std::size_t{1} << 20;
    if (chunks_.empty() || chunks_.back().size() + bytes > chunks_.back().capacity()) {
        chunks_.emplace_back().reserve(std::max(chunk_bytes, bytes));
    }
    std::string& chunk = chunks_.back();
    row_chunk_.push_back(static_cast<std::uint32_t>(chunks_.size() - 1));
    row_start_.push_back(static_cast<std::uint32_t>(chunk.size()));
    for (const std::string& c : cells) {
        chunk += c;
        cell_end_.push_back(static_cast<std::uint32_t>(chunk.size()));
    }
    ++rows_;
}

std::string_view Table::cell(std::size_t row, std::size_t column) const {
    const std::size_t index = row * headers_.size() + column;
    const std::size_t begin = column == 0 ? row_start_[row] : cell_end_[index - 1];
    return std::string_view(chunks_[row_chunk_[row]]).substr(begin, cell_end_[index] - begin);
}

namespace {

// Byte length of the first `columns` code points of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t columns) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (seen == columns) return i;
        ++seen;
    }
    return s.size();
}

bool is_break_after(char ch) { return ch == ' ' || ch == ',' || ch == '/' || ch == ';'; }

// Columns of the longest run `wrap` does not break (between break opportunities).
std::size_t longest_word(std::string_view s) {
    std::size_t longest = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || is_break_after(s[i])) {
            const std::size_t end = i < s.size() && s[i] != ' ' ? i + 1 : i;
            longest = std::max(longest, display_width(s.substr(start, end - start)));
            start = i + 1;
        }
    }
    return longest;
}

// Lines of a table, built in buffers reused from row to row: a row's cells wrapped into vectors
// of strings, then padded into more strings, were a third of a plan's text rendering at the
// input limits (120,000 DNS rows, docs/performance.md).
class RowWriter {
  public:
    RowWriter(std::ostream& out, std::string_view indent, const std::vector<std::size_t>& widths)
        : out_(out), indent_(indent), widths_(widths), parts_(widths.size()) {}

    // One row whose cells may wrap: as many lines as its tallest cell; no trailing blanks.
    void write(const std::vector<std::string_view>& cells) {
        std::size_t height = 1;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            wrap_into(cells[i], widths_[i], parts_[i]);
            height = std::max(height, parts_[i].size());
        }
        for (std::size_t n = 0; n < height; ++n) {
            line_.assign(indent_);
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i > 0) line_ += "  ";
                const std::string_view text = n < parts_[i].size() ? parts_[i][n] : "";
                line_ += text;
                const std::size_t used = display_width(text);
                if (i + 1 < cells.size() && used < widths_[i]) {
                    line_.append(widths_[i] - used, ' ');
                }
            }
            line_.erase(line_.find_last_not_of(' ') + 1);
            line_ += '\n';
            out_ << line_;
        }
    }

  private:
    std::ostream& out_;
    std::string_view indent_;
    const std::vector<std::size_t>& widths_;
    std::vector<std::vector<std::string_view>> parts_;  // per column: its cell's lines
    std::string line_;
};

}  // namespace

void wrap_into(std::string_view s, std::size_t width, std::vector<std::string_view>& lines) {
    if (width == 0) width = 1;
    lines.clear();
    // `limit` is where a line of `width` columns ends: the end of `s` once the rest fits. (Not
    // display_width(s) per line: over a cell of 60,000 addresses that was quadratic.)
    for (std::size_t limit = prefix_bytes(s, width); limit < s.size();
         limit = prefix_bytes(s, width)) {
        // The last break opportunity that keeps the line within `width`.
        std::size_t cut = 0;
        for (std::size_t i = 0; i < limit; ++i) {
            if (is_break_after(s[i])) cut = i + 1;
        }
        if (cut == 0) cut = limit;  // one word wider than the column: cut it
        std::string_view head = s.substr(0, cut);
        while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
        lines.push_back(head);
        s.remove_prefix(cut);
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    }
    if (!s.empty() || lines.empty()) lines.push_back(s);
}

std::vector<std::string> wrap(std::string_view s, std::size_t width) {
    std::vector<std::string_view> lines;
    wrap_into(s, width, lines);
    return {lines.begin(), lines.end()};
}

void write_wrapped(std::ostream& out, std::string_view first, std::string_view next,
                   std::string_view text, std::size_t width) {
    const std::size_t prefix = std::max(display_width(first), display_width(next));
    const std::size_t room = width > prefix + 20 ? width - prefix : 20;
    const std::vector<std::string> lines = wrap(text, room);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = std::string(i == 0 ? first : next) + lines[i];
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << "\n";
    }
}

void Table::render(std::ostream& out, std::string_view indent, std::size_t width) const {
    const std::size_t columns = headers_.size();
    std::vector<std::size_t> widths(columns);
    for (std::size_t i = 0; i < columns; ++i) widths[i] = display_width(headers_[i]);
    for (std::size_t row = 0; row < rows_; ++row) {
        for (std::size_t i = 0; i < columns; ++i) {
            widths[i] = std::max(widths[i], display_width(cell(row, i)));
        }
    }
    const std::size_t fixed = display_width(indent) + 2 * (columns - 1);
    std::size_t total = fixed;
    for (std::size_t w : widths) total += w;
    // Narrow the widest column one step at a time until the table fits, no column below its
    // floor.
    const auto narrow_to = [&](const std::vector<std::size_t>& floor) {
        while (total > width) {
            std::size_t widest = columns;
            for (std::size_t i = 0; i < columns; ++i) {
                if (widths[i] > floor[i] && (widest == columns || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest == columns) return;
            --widths[widest];
            --total;
        }
    };
    // First keep every word of up to 16 columns whole (an address cut as "192.0.2.11" / "0"
    // reads as another address; a longer word, a long DNS name, is cut anyway and must not hold
    // its column wide), then, when that cannot fit, let columns go down to 6.
    std::vector<std::size_t> whole_words(columns);
    std::vector<std::size_t> minimum(columns);
    for (std::size_t i = 0; i < columns; ++i) {
        whole_words[i] = std::min(widths[i], longest_word(headers_[i]));
        for (std::size_t row = 0; row < rows_; ++row)
            whole_words[i] = std::max(whole_words[i], longest_word(cell(row, i)));
        whole_words[i] = std::min({widths[i], whole_words[i], std::size_t{16}});
        minimum[i] = std::min<std::size_t>(widths[i], 6);
    }
    narrow_to(whole_words);
    narrow_to(minimum);
    if (total > width) {
        // Too many columns for this width: one "HEADER: value" block per row.
        const std::string first = std::string(indent);
        const std::string next = first + "    ";
        for (std::size_t row = 0; row < rows_; ++row) {
            for (std::size_t i = 0; i < columns; ++i) {
                if (cell(row, i).empty()) continue;
                write_wrapped(out, first + (i == 0 ? "" : "  ") + headers_[i] + ": ", next,
                              cell(row, i), width);
            }
        }
        return;
    }
    RowWriter rows(out, indent, widths);
    rows.write(std::vector<std::string_view>(headers_.begin(), headers_.end()));
    std::vector<std::string> dashes;
    for (std::size_t w : widths) dashes.emplace_back(w, '-');
    rows.write(std::vector<std::string_view>(dashes.begin(), dashes.end()));
    std::vector<std::string_view> cells(columns);
    for (std::size_t row = 0; row < rows_; ++row) {
        for (std::size_t i = 0; i < columns; ++i) cells[i] = cell(row, i);
        rows.write(cells);
    }
}

}  // namespace edgeplan::report::text
