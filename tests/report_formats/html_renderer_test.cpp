#include <gtest/gtest.h>

#include <limits>
#include <regex>
#include <sstream>
#include <string>

#include "../report/sample_report.h"
#include "gated_report.h"
#include "generated_edge_report.h"
#include "hostile_report.h"
#include "report/ci_renderers.h"
#include "report/html_assets.h"
#include "report/html_sections.h"

namespace edgeplan::report {
namespace {

std::string html(const Report& r) {
    std::ostringstream out;
    render_html(r, out);
    return out.str();
}

TEST(Html, StartsWithDoctype) {
    EXPECT_EQ(html(testing::sample_report()).rfind("<!DOCTYPE html>\n", 0), 0u);
    EXPECT_EQ(html(Report{}).rfind("<!DOCTYPE html>\n", 0), 0u);
}

TEST(Html, ReferencesOnlyItself) {
    const std::string page = html(testing::hostile_report());
    const std::regex reference(R"re((src|href|action)="([^"]*)")re");
    int references = 0;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), reference);
         it != std::sregex_iterator(); ++it) {
        ++references;
        EXPECT_EQ((*it)[2].str().rfind('#', 0), 0u) << (*it)[0];
    }
    EXPECT_GT(references, 0) << "the page links findings to their checks";
    EXPECT_EQ(page.find("http://"), std::string::npos);
    EXPECT_EQ(page.find("https://"), std::string::npos);
    EXPECT_NE(page.find("default-src 'none'"), std::string::npos) << "CSP meta";
}

// The script and stylesheet are written raw: a '<', '>' or '&' there would be either a way out
// of the element or, escaped, a syntax error.
TEST(Html, AssetsNeedNoEscaping) {
    for (const char* asset : {html::stylesheet, html::filter_script}) {
        const std::string s = asset;
        EXPECT_EQ(s.find_first_of("<>&"), std::string::npos) << s;
    }
    const std::string script = html::filter_script;
    EXPECT_EQ(script.find("innerHTML"), std::string::npos);
    EXPECT_EQ(script.find("eval"), std::string::npos);
}

TEST(Html, HostileTextIsEscaped) {
    const std::string page = html(testing::hostile_report());
    EXPECT_EQ(page.find("<script>document"), std::string::npos);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    // No tag got an event handler attribute (attribute values hold no raw quote, so a tag is
    // `<name` and `attr="value"` pairs; the words may appear inside values and text).
    EXPECT_FALSE(
        std::regex_search(page, std::regex(R"re(<[a-z0-9]+(\s+[a-z-]+="[^"]*")*\s+on[a-z]+=)re")));
    EXPECT_NE(page.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(page.find("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"), std::string::npos);
    EXPECT_NE(page.find("data-area=\"dns&quot; onmouseover=&quot;"), std::string::npos);
    // Exactly the page's own script element.
    std::size_t scripts = 0;
    for (auto at = page.find("<script"); at != std::string::npos;
         at = page.find("<script", at + 1)) {
        ++scripts;
    }
    EXPECT_EQ(scripts, 1u);
}

TEST(Html, OneDetailsPerFindingWithItsStatus) {
    const Report r = testing::sample_report();
    const std::string page = html(r);
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const std::string tag = "<details class=\"finding\" id=\"finding-" + std::to_string(i + 1) +
                                "\" data-status=\"" + to_string(r.findings[i].status) + "\"";
        EXPECT_NE(page.find(tag), std::string::npos) << tag;
    }
    EXPECT_NE(page.find("id=\"check-CERT-EXT-01\""), std::string::npos);
    EXPECT_NE(page.find("Request the external certificate from a public CA."), std::string::npos);
    EXPECT_NE(page.find("<svg class=\"chart\""), std::string::npos);
}

// One row per plan table: the verified cell of its first row, as rendered.
struct VerifiedRow {
    const char* name;
    const char* table_class;
    const char* expected;  // what the first body row's last cell contains
};

void PrintTo(const VerifiedRow& row, std::ostream* os) { *os << row.name; }

class HtmlVerified : public ::testing::TestWithParam<VerifiedRow> {};

TEST_P(HtmlVerified, FirstRowCell) {
    const std::string page = html(testing::sample_report());
    const auto table = page.find(std::string("<table class=\"") + GetParam().table_class + "\"");
    ASSERT_NE(table, std::string::npos);
    const auto row_end = page.find("</tr>", page.find("<tbody>", table));
    const auto cell = page.rfind("<td class=\"verified\">", row_end);
    ASSERT_GT(cell, table);
    EXPECT_NE(page.substr(cell, row_end - cell).find(GetParam().expected), std::string::npos)
        << page.substr(cell, row_end - cell);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, HtmlVerified,
    ::testing::Values(VerifiedRow{"pass_dns_a_record", "plan-dns",
                                  "<a class=\"badge status-pass\" href=\"#finding-2\">pass</a>"},
                      VerifiedRow{"not_probed_firewall_x5", "plan-firewall", "not probed"},
                      VerifiedRow{"fail_external_certificate", "plan-certificates",
                                  "<a class=\"badge status-fail\" href=\"#finding-1\">fail</a>"},
                      VerifiedRow{"error_unknown_nat_address", "plan-unknowns", "not probed"}),
    [](const auto& p) { return std::string(p.param.name); });

// The page is written while it is built (html_dom.h PageWriter): written after every row it must
// be byte for byte the page written only at the end of each section, for every section that
// flushes rows (findings and their cause groups, plan tables, partners, accepted, checks).
struct StreamedCase {
    const char* name;
    Report (*make)();
};

void PrintTo(const StreamedCase& c, std::ostream* os) { *os << c.name; }

Report with_partners() {
    Report r = testing::hostile_report();
    for (int i = 0; i < 5; ++i) {
        checks::partners::PartnerRow row;
        row.domain = "partner" + std::to_string(i) + ".example<b>";
        row.protocol = "sip";
        row.kind = "on-premises";
        row.targets = {"sip.partner" + std::to_string(i) + ".example:5061"};
        row.addresses = {"192.0.2." + std::to_string(i + 1)};
        row.verdict = i == 0 ? checks::Status::fail : checks::Status::pass;
        row.problem = i == 0 ? "no SRV record & \"no\" answer" : "";
        r.partners.push_back(row);
    }
    return r;
}

class HtmlStreamed : public ::testing::TestWithParam<StreamedCase> {};

TEST_P(HtmlStreamed, RowByRowEqualsSectionBySection) {
    const Report r = GetParam().make();
    std::ostringstream by_row;
    html::render_page(r, by_row, 1);
    std::ostringstream by_section;
    html::render_page(r, by_section, std::numeric_limits<std::size_t>::max());
    EXPECT_EQ(by_row.str(), by_section.str());
    std::ostringstream default_batch;
    render_html(r, default_batch);
    EXPECT_EQ(default_batch.str(), by_section.str());
}

INSTANTIATE_TEST_SUITE_P(
    Reports, HtmlStreamed,
    ::testing::Values(StreamedCase{"empty", [] { return Report{}; }},
                      StreamedCase{"sample", [] { return testing::sample_report(); }},
                      StreamedCase{"hostile_with_partners", with_partners},
                      StreamedCase{"gated", [] { return testing::gated_report(true, true); }},
                      StreamedCase{
                          "generated_edge",
                          [] {
                              return testing::generated_edge_report({3, 4, true, "<i>&\"x\""});
                          }}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace edgeplan::report
