#include <gtest/gtest.h>

#include <string>

#include "report/markup_text.h"

namespace edgeplan::report {
namespace {

struct Row {
    const char* name;
    std::string input;
    std::string expected;
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

class MarkupSafe : public ::testing::TestWithParam<Row> {};

TEST_P(MarkupSafe, Cleans) { EXPECT_EQ(markup_safe(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Rows, MarkupSafe,
    ::testing::Values(Row{"kept_ascii_and_markup", "a <b> & \"c\"", "a <b> & \"c\""},
                      Row{"kept_tab_lf_cr", "a\tb\nc\rd", "a\tb\nc\rd"},
                      Row{"kept_utf8", "Z\xC3\xBCrich \xE6\x9D\xB1 \xF0\x9F\x98\x80",
                          "Z\xC3\xBCrich \xE6\x9D\xB1 \xF0\x9F\x98\x80"},
                      Row{"visible_escape_and_bell", "a\x1b[2J\x07", "a\\x1b[2J\\x07"},
                      Row{"visible_nul_and_del", std::string("a\0b\x7f", 4), "a\\x00b\\x7f"},
                      Row{"replaced_lone_continuation", "a\x80z", "a\xEF\xBF\xBDz"},
                      Row{"replaced_truncated_sequence", "a\xE6\x9D", "a\xEF\xBF\xBD\xEF\xBF\xBD"},
                      Row{"replaced_overlong_slash", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
                      Row{"replaced_surrogate", "\xED\xA0\x80",
                          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
                      Row{"visible_noncharacter_fffe", "\xEF\xBF\xBE", "\\u{FFFE}"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace edgeplan::report
