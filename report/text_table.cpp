#include "report/text_table.h"

#include <algorithm>
#include <cstdio>

namespace edgeplan::report::text {

std::string clean(std::string_view s) {
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
    for (std::string& cell : cells) cell = clean(cell);
    rows_.push_back(std::move(cells));
}

namespace {

void render_line(std::ostream& out, std::string_view indent, const std::vector<std::string>& cells,
                 const std::vector<std::size_t>& widths) {
    std::string line(indent);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) line += "  ";
        line += i + 1 < cells.size() ? pad(cells[i], widths[i]) : cells[i];
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
}

}  // namespace

void Table::render(std::ostream& out, std::string_view indent) const {
    std::vector<std::size_t> widths(headers_.size());
    for (std::size_t i = 0; i < headers_.size(); ++i) widths[i] = display_width(headers_[i]);
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    }
    render_line(out, indent, headers_, widths);
    std::vector<std::string> dashes;
    for (std::size_t w : widths) dashes.emplace_back(w, '-');
    render_line(out, indent, dashes, widths);
    for (const auto& row : rows_) render_line(out, indent, row, widths);
}

}  // namespace edgeplan::report::text
