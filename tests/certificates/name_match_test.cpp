// RFC 6125 name matching, one row per outcome.
#include <gtest/gtest.h>

#include "checks/certificates/name_match.h"

namespace edgeplan::checks::certificates {
namespace {

struct Row {
    const char* name;
    const char* presented;
    const char* reference;
    bool matches;
};

class NameMatchTest : public ::testing::TestWithParam<Row> {};

TEST_P(NameMatchTest, Matches) {
    const Row& row = GetParam();
    EXPECT_EQ(dns_name_matches(row.presented, row.reference), row.matches)
        << row.presented << " vs " << row.reference;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, NameMatchTest,
    ::testing::Values(
        Row{"match_exact", "sip.contoso.com", "sip.contoso.com", true},
        Row{"match_case_insensitive", "SIP.Contoso.COM", "sip.contoso.com", true},
        Row{"match_trailing_dot", "sip.contoso.com.", "sip.contoso.com", true},
        Row{"match_wildcard_one_label", "*.contoso.com", "sip.contoso.com", true},
        Row{"nomatch_wildcard_two_labels", "*.contoso.com", "a.sip.contoso.com", false},
        Row{"nomatch_wildcard_bare_domain", "*.contoso.com", "contoso.com", false},
        Row{"nomatch_partial_label_wildcard", "s*.contoso.com", "sip.contoso.com", false},
        Row{"nomatch_wildcard_not_leftmost", "sip.*.com", "sip.contoso.com", false},
        Row{"nomatch_public_suffix_wildcard", "*.com", "contoso.com", false},
        Row{"nomatch_two_label_public_suffix", "*.co.uk", "contoso.co.uk", false},
        Row{"nomatch_wildcard_on_idn_label", "*.contoso.com", "xn--caf-dma.contoso.com", false},
        Row{"nomatch_different_name", "webcon.contoso.com", "sip.contoso.com", false},
        Row{"nomatch_suffix_only", "contoso.com", "sip.contoso.com", false},
        Row{"nomatch_empty", "", "sip.contoso.com", false}),
    [](const auto& row_info) { return std::string(row_info.param.name); });

TEST(NameMatch, AcceptableWildcards) {
    EXPECT_TRUE(is_acceptable_wildcard("*.contoso.com"));
    EXPECT_FALSE(is_acceptable_wildcard("*.com"));
    EXPECT_FALSE(is_acceptable_wildcard("*.co.uk"));
    EXPECT_FALSE(is_acceptable_wildcard("f*.contoso.com"));
    EXPECT_FALSE(is_acceptable_wildcard("*.*.contoso.com"));
}

}  // namespace
}  // namespace edgeplan::checks::certificates
