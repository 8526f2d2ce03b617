#include "report/text_table.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace edgeplan::report::text {
namespace {

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Display column at which the `n`th cell (0-based) of a rendered line starts: cells are
// separated by at least two spaces and contain no double spaces in these tests.
std::size_t column_of_cell(const std::string& line, std::size_t n) {
    std::size_t pos = line.find_first_not_of(' ');
    for (std::size_t i = 0; i < n; ++i) {
        pos = line.find("  ", pos);
        pos = line.find_first_not_of(' ', pos);
    }
    return display_width(line.substr(0, pos));
}

TEST(TextTable, AlignsColumnsByDisplayWidthIncludingUnicode) {
    Table table({"NAME", "TYPE", "RULE"});
    table.add_row({"sip.contoso.com", "A", "DNS-A-EXT-01"});
    table.add_row({"zürich.東京.example", "SRV", "DNS-SRV-FED-01"});
    table.add_row({"x", "CNAME", "R"});
    std::ostringstream out;
    table.render(out, "  ");
    const std::vector<std::string> lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 5u);  // header, dashes, three rows
    const std::vector<std::size_t> expected = {column_of_cell(lines[0], 1),
                                               column_of_cell(lines[0], 2)};
    for (std::size_t i = 2; i < lines.size(); ++i) {
        SCOPED_TRACE(lines[i]);
        EXPECT_EQ(column_of_cell(lines[i], 1), expected[0]);
        EXPECT_EQ(column_of_cell(lines[i], 2), expected[1]);
        EXPECT_EQ(lines[i].rfind("  ", 0), 0u) << "indent";
        EXPECT_NE(lines[i].back(), ' ') << "trailing blank";
    }
}

TEST(TextTable, MissingCellsAreBlank) {
    Table table({"A", "B", "C"});
    table.add_row({"one"});
    std::ostringstream out;
    table.render(out, "");
    EXPECT_EQ(lines_of(out.str()).back(), "one");
}

// A row wider than the page wraps inside its cells, breaking after spaces, commas and slashes:
// every line pads all columns but the last to their width and ends without a blank.
TEST(TextTable, WrapsCellsOntoLinesPaddedToTheirColumns) {
    Table table({"NAME", "VALUES"});
    table.add_row({"sip.contoso.com", "192.0.2.1, 192.0.2.2, 192.0.2.3"});
    table.add_row({"a", ""});
    table.add_row({"b c", "x"});
    std::ostringstream out;
    table.render(out, "> ", 32);
    EXPECT_EQ(out.str(),
              "> NAME             VALUES\n"
              "> ---------------  -------------\n"
              "> sip.contoso.com  192.0.2.1,\n"
              ">                  192.0.2.2,\n"
              ">                  192.0.2.3\n"
              "> a\n"
              "> b c              x\n");
}

struct CleanRow {
    const char* name;
    std::string input;
    std::string expected;
};

// Test logs show the row name, not the bytes of the row.
void PrintTo(const CleanRow& row, std::ostream* os) { *os << row.name; }

class Clean : public ::testing::TestWithParam<CleanRow> {};

TEST_P(Clean, MakesControlCharactersHarmless) {
    EXPECT_EQ(clean(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Clean,
    ::testing::Values(CleanRow{"unchanged_plain_ascii", "sip.contoso.com", "sip.contoso.com"},
                      CleanRow{"unchanged_utf8", "Zürich — 東京", "Zürich — 東京"},
                      CleanRow{"unchanged_markup", "<script>", "<script>"},
                      CleanRow{"space_for_newline_and_tab", "a\nb\tc\rd", "a b c d"},
                      CleanRow{"visible_escape", "x\x1b[2J", "x\\x1b[2J"},
                      CleanRow{"visible_bell_and_del", "\x07\x7f", "\\x07\\x7f"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace edgeplan::report::text
