// The HTML report in a real browser (headless Chromium): hostile text must not run, the filter
// script must work from the URL fragment, and the page must render. Skipped without chromium.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../report/sample_report.h"
#include "hostile_report.h"
#include "report/ci_renderers.h"
#include "tests/support/files.h"
#include "tests/support/required.h"

namespace edgeplan::report {
namespace {

namespace fs = std::filesystem;

bool chromium_available() { return test_files::have("chromium --version"); }

// Flags for a headless run as root that talks to nothing but the file it is given.
std::string chromium(const fs::path& profile) {
    return "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic "
           "--no-first-run --disable-background-networking --disable-component-update "
           "--disable-sync --user-data-dir=" +
           test_files::quote(profile);
}

struct Page {
    test_files::TempDir dir;
    fs::path file;
    explicit Page(const Report& r) : file(dir.path() / "report.html") {
        std::ostringstream out;
        render_html(r, out);
        test_files::write_text(file, out.str());
    }
    // The DOM after load, with the page's script run; empty when chromium failed.
    std::string dump_dom(const std::string& fragment = "") const {
        const fs::path out = dir.path() / "dom.html";
        const std::string url = "file://" + file.string() + fragment;
        const int status = test_files::run(chromium(dir.path() / "profile") + " --dump-dom '" +
                                           url + "' >" + test_files::quote(out) + " 2>" +
                                           test_files::quote(dir.path() / "err.txt"));
        return status == 0 ? test_files::read_text(out) : "";
    }
};

std::string title_of(const std::string& dom) {
    std::smatch m;
    return std::regex_search(dom, m, std::regex("<title>([^<]*)</title>")) ? m[1].str() : "";
}

TEST(HtmlChromium, HostileTextDoesNotExecute) {
    if (!chromium_available()) EDGEPLAN_REQUIRED_MISSING() << "chromium not installed";
    const Page page(testing::hostile_report());
    const std::string dom = page.dump_dom();
    ASSERT_FALSE(dom.empty()) << test_files::read_text(page.dir.path() / "err.txt");
    EXPECT_EQ(title_of(dom), "edgeplan report - check");
    EXPECT_EQ(dom.find("pwned</title>"), std::string::npos);
    // The hostile strings are in the document as text, not as elements.
    EXPECT_EQ(dom.find("<img"), std::string::npos);
    EXPECT_NE(dom.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(dom.find("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"), std::string::npos);
    // The page's own script did run (the content security policy allows it by hash).
    EXPECT_NE(dom.find("5 of 5 findings shown"), std::string::npos);
}

// One row per URL fragment: which findings stay visible (sample report: 1 CERT-EXT-01 fail,
// 2 DNS-A-EXT-01 pass, 3 DNS-SRV-FED-01 warn, 4 PORT-EXT-12 skip, 5 TOPO-NAT-01 error).
struct FilterRow {
    const char* name;
    const char* fragment;
    std::vector<int> visible;
};

void PrintTo(const FilterRow& row, std::ostream* os) { *os << row.name; }

class HtmlFilter : public ::testing::TestWithParam<FilterRow> {};

TEST_P(HtmlFilter, FragmentHidesNonMatchingFindings) {
    if (!chromium_available()) EDGEPLAN_REQUIRED_MISSING() << "chromium not installed";
    Report r = testing::sample_report();
    r.catalogue["CERT-EXT-01"].area = "certificates";
    const Page page(r);
    const std::string dom = page.dump_dom(GetParam().fragment);
    ASSERT_FALSE(dom.empty()) << test_files::read_text(page.dir.path() / "err.txt");
    const std::regex details(R"re(<details class="finding" id="finding-(\d+)"[^>]*>)re");
    std::vector<int> visible;
    int seen = 0;
    for (auto it = std::sregex_iterator(dom.begin(), dom.end(), details);
         it != std::sregex_iterator(); ++it) {
        ++seen;
        if ((*it)[0].str().find(" hidden") == std::string::npos) {
            visible.push_back(std::stoi((*it)[1].str()));
        }
    }
    EXPECT_EQ(seen, 5);
    std::sort(visible.begin(), visible.end());
    EXPECT_EQ(visible, GetParam().visible);
    const std::string count = std::to_string(GetParam().visible.size()) + " of 5 findings shown";
    EXPECT_NE(dom.find(count), std::string::npos) << count;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, HtmlFilter,
    ::testing::Values(FilterRow{"all_without_fragment", "", {1, 2, 3, 4, 5}},
                      FilterRow{"fail_only", "#status=fail", {1}},
                      FilterRow{"fail_and_warn", "#status=fail,warn", {1, 3}},
                      FilterRow{"area_dns", "#area=dns", {2, 3, 4, 5}},
                      FilterRow{"text_in_evidence", "#q=contoso%20root", {1}},
                      FilterRow{"text_and_status", "#status=pass,warn&q=sip.contoso.com", {2, 3}},
                      FilterRow{"none_for_unknown_text", "#q=no-such-thing", {}}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(HtmlChromium, ScreenshotIsAPng) {
    if (!chromium_available()) EDGEPLAN_REQUIRED_MISSING() << "chromium not installed";
    const Page page(testing::sample_report());
    const fs::path png = page.dir.path() / "report.png";
    const int status =
        test_files::run(chromium(page.dir.path() / "profile") +
                        " --window-size=1280,2000 --screenshot=" + test_files::quote(png) +
                        " 'file://" + page.file.string() + "' >/dev/null 2>&1");
    ASSERT_EQ(status, 0);
    const std::string bytes = test_files::read_text(png);
    ASSERT_GT(bytes.size(), 10000u) << "a blank page compresses to almost nothing";
    EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
}  // namespace edgeplan::report
