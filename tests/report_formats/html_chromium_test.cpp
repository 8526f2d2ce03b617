// The HTML report in a real browser (headless Chromium): hostile text must not run, the verdict
// and the first failure come first, the filter script works from the URL fragment (fail, error
// and warn by default), nothing scrolls sideways at 420 px, citations link to their pages, and the
// page renders. Skipped without chromium.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../report/sample_report.h"
#include "generated_edge_report.h"
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

// Layout numbers of a page, measured by a probe script in a copy of it (the copy drops the
// Content-Security-Policy so the probe may run; markup and stylesheet are the page's own). With a
// frame size the copy is shown in an <iframe> of that size (Chromium's headless window is at least
// 500 px wide); otherwise in the window itself. Null when chromium failed.
nlohmann::json measure(const std::string& html, const std::string& window, const std::string& frame,
                       const fs::path& dir) {
    // std::regex recurses per character: on a report of a few hundred kB it overflows the
    // stack, so plain searches here.
    std::string page = html;
    const auto csp = page.find("<meta http-equiv=\"Content-Security-Policy\"");
    if (csp != std::string::npos) page.erase(csp, page.find('>', csp) + 1 - csp);
    const std::string probe = R"js(<script>
(function () {
  var d = document.documentElement, r = {};
  r.innerWidth = window.innerWidth; r.innerHeight = window.innerHeight; r.scrollWidth = d.scrollWidth;
  var v = document.getElementById("verdict").getBoundingClientRect();
  r.verdictBottom = v.bottom;
  var vf = document.querySelector(".verdict-first");
  if (vf !== null) { r.verdictFirstBottom = vf.getBoundingClientRect().bottom; }
  var dg = document.querySelector("section.edge-diagram");
  if (dg !== null) { r.diagramTop = dg.getBoundingClientRect().top; }
  var f = document.querySelector("details.finding[data-status=fail]:not([hidden])") ||
          document.querySelector("details.finding:not([hidden])");
  if (f !== null) { r.firstCard = f.id; r.firstCardStatus = f.getAttribute("data-status");
    r.firstCardSummaryBottom = f.querySelector("summary").getBoundingClientRect().bottom; }
  var links = [];
  document.querySelectorAll("cite a[href]").forEach(function (a) { links.push(a.href); });
  r.citationLinks = links;
  (window.parent !== window ? window.parent.document.body : document.body)
    .setAttribute("data-measure", JSON.stringify(r));
})();
</script></body>)js";
    page.replace(page.rfind("</body>"), 7, probe);
    test_files::write_text(dir / "measured.html", page);
    std::string url = "file://" + (dir / "measured.html").string();
    if (!frame.empty()) {
        const auto x = frame.find('x');
        test_files::write_text(dir / "frame.html",
                               "<!DOCTYPE html><html><body style=\"margin:0\"><iframe "
                               "src=\"measured.html\" width=\"" +
                                   frame.substr(0, x) + "\" height=\"" + frame.substr(x + 1) +
                                   "\" style=\"border:0\"></iframe></body></html>");
        url = "file://" + (dir / "frame.html").string();
    }
    const fs::path out = dir / "measured-dom.html";
    const int status = test_files::run(chromium(dir / "profile") +
                                       " --hide-scrollbars --allow-file-access-from-files " +
                                       "--window-size=" + window + " --dump-dom '" + url + "' >" +
                                       test_files::quote(out) + " 2>/dev/null");
    if (status != 0) return nullptr;
    const std::string dom = test_files::read_text(out);
    const std::string key = "data-measure=\"";
    const auto found = dom.find(key);
    if (found == std::string::npos) return nullptr;
    const auto begin = found + key.size();
    std::string text = dom.substr(begin, dom.find('"', begin) - begin);
    for (auto at = text.find("&quot;"); at != std::string::npos; at = text.find("&quot;", at)) {
        text.replace(at, 6, "\"");
    }
    return nlohmann::json::parse(text, nullptr, false);
}

std::string title_of(const std::string& dom) {
    std::smatch m;
    return std::regex_search(dom, m, std::regex("<title>([^<]*)</title>")) ? m[1].str() : "";
}

TEST(HtmlChromium, HostileTextDoesNotExecute) {
    if (!chromium_available()) EDGEPLAN_REQUIRED_MISSING() << "chromium not installed";
    const Page page(testing::hostile_report());
    const std::string dom = page.dump_dom();
    ASSERT_FALSE(dom.empty()) << test_files::read_text(page.dir.path() / "err.txt");
    // The verdict, then the (hostile) topology file name as text.
    EXPECT_EQ(title_of(dom).rfind("FAIL - ", 0), 0u) << title_of(dom);
    EXPECT_EQ(dom.find("pwned</title>"), std::string::npos);
    // The hostile strings are in the document as text, not as elements.
    EXPECT_EQ(dom.find("<img"), std::string::npos);
    EXPECT_NE(dom.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(dom.find("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"), std::string::npos);
    // The page's own script did run (the content security policy allows it by hash).
    EXPECT_TRUE(std::regex_search(dom, std::regex("[0-9] of 5 findings shown")));
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
    ::testing::Values(FilterRow{"default_fail_error_warn", "", {1, 3, 5}},
                      FilterRow{"fail_only", "#status=fail", {1}},
                      FilterRow{"fail_and_warn", "#status=fail,warn", {1, 3}},
                      FilterRow{"area_dns_default_statuses", "#area=dns", {3, 5}},
                      FilterRow{"text_in_evidence", "#q=contoso%20root", {1}},
                      FilterRow{"text_and_status", "#status=pass,warn&q=sip.contoso.com", {2, 3}},
                      // Finding 4 is a not_applicable skip: shown only on demand.
                      FilterRow{"skip_without_not_applicable", "#status=skip", {}},
                      FilterRow{"not_applicable_on_demand", "#na=1", {1, 3, 4, 5}},
                      FilterRow{
                          "everything", "#status=fail,error,warn,pass,skip&na=1", {1, 2, 3, 4, 5}},
                      FilterRow{"none_for_unknown_text", "#q=no-such-thing", {}}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(HtmlChromium, VerdictAndTopologyInTitleAndBannerFirst) {
    if (!chromium_available()) GTEST_SKIP() << "chromium not installed";
    const Page page(testing::sample_report());
    const std::string dom = page.dump_dom();
    ASSERT_FALSE(dom.empty()) << test_files::read_text(page.dir.path() / "err.txt");
    EXPECT_EQ(title_of(dom), "FAIL - contoso/topology.xml - edgeplan check");
    // The banner is the first thing in <main>, and names the first failure with a link to it.
    const auto main = dom.find("<main>");
    ASSERT_NE(main, std::string::npos);
    EXPECT_EQ(dom.find("<section id=\"verdict\" class=\"verdict verdict-fail\">"),
              dom.find('<', main + 1));
    EXPECT_NE(dom.find("<span class=\"verdict-word\" id=\"verdict-word\">FAIL</span>"),
              std::string::npos);
    EXPECT_NE(dom.find("1 fail</a>"), std::string::npos);
    EXPECT_NE(dom.find("First failure: </strong><a href=\"#finding-1\""), std::string::npos);
    // The not_applicable skip is counted in one line, behind its own switch.
    EXPECT_NE(dom.find("show the 1 check that does not apply to this topology"), std::string::npos);
}

// Every citation links to the page its file name stands for (docs/sources.tsv), with the file
// name as the link text.
TEST(HtmlChromium, CitationsLinkToLearnMicrosoftCom) {
    if (!chromium_available()) GTEST_SKIP() << "chromium not installed";
    Report r = testing::sample_report();
    for (auto& [id, info] : r.catalogue) {
        info.citations = {
            {"CR-EXT", "lync-server-2013-certificate-requirements-for-external-user-access.md"}};
    }
    const Page page(r);
    const std::string dom = page.dump_dom();
    ASSERT_FALSE(dom.empty());
    const std::string link =
        "<a href=\"https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/"
        "lync-server-2013-certificate-requirements-for-external-user-access\" title=\"CR-EXT\" "
        "rel=\"noopener noreferrer\">lync-server-2013-certificate-requirements-for-external-user-"
        "access.md</a>";
    EXPECT_NE(dom.find(link), std::string::npos);
    test_files::TempDir dir;
    const nlohmann::json m = measure(test_files::read_text(page.file), "1400,900", "", dir.path());
    ASSERT_TRUE(m.is_object());
    ASSERT_FALSE(m["citationLinks"].empty());
    for (const auto& href : m["citationLinks"]) {
        EXPECT_EQ(href.get<std::string>().rfind("https://learn.microsoft.com/", 0), 0u) << href;
    }
}

// One row per report: at 420 px nothing scrolls sideways (tables scroll in their own box, long
// names wrap).
struct NarrowRow {
    const char* name;
    Report (*make)();
};

void PrintTo(const NarrowRow& row, std::ostream* os) { *os << row.name; }

Report long_names_report() {
    Report r = testing::sample_report();
    r.findings[0].subject = "file:" + std::string(180, 'x') + ".pfx";
    r.findings[0].evidence.emplace_back("sha256", std::string(64, 'f') + std::string(64, 'e'));
    r.plan.certificates[0].sans.emplace_back(std::string(120, 'a') + ".contoso.com");
    return r;
}

class HtmlNarrow : public ::testing::TestWithParam<NarrowRow> {};

TEST_P(HtmlNarrow, NoHorizontalScrollAt420Pixels) {
    if (!chromium_available()) GTEST_SKIP() << "chromium not installed";
    test_files::TempDir dir;
    std::ostringstream html;
    render_html(GetParam().make(), html);
    const nlohmann::json m = measure(html.str(), "1000,1000", "420x900", dir.path());
    ASSERT_TRUE(m.is_object());
    EXPECT_EQ(m["innerWidth"], 420);
    EXPECT_LE(m["scrollWidth"].get<int>(), 420);
}

INSTANTIATE_TEST_SUITE_P(Rows, HtmlNarrow,
                         ::testing::Values(NarrowRow{"sample", testing::sample_report},
                                           NarrowRow{"hostile", testing::hostile_report},
                                           NarrowRow{"long_names", long_names_report}),
                         [](const auto& p) { return std::string(p.param.name); });

// The done-criterion on every sample and real topology: opened in a 1400x900 window, the verdict
// and the first failure's card (the first card shown, when nothing fails) are on screen without
// scrolling; and at 420 px nothing scrolls sideways.
std::vector<std::string> topologies() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(fs::path(EDGEPLAN_SOURCE_DIR) / "samples")) {
        for (const char* name : {"topology.xml", "topology.tbxml"}) {
            if (fs::exists(e.path() / name)) out.push_back((e.path() / name).string());
        }
    }
    const fs::path real = fs::path(EDGEPLAN_SHARED_DIR) / "real-topologies";
    if (fs::is_directory(real)) {
        for (const auto& e : fs::directory_iterator(real)) {
            const std::string ext = e.path().extension().string();
            if (ext == ".xml" || ext == ".tbxml") out.push_back(e.path().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

class HtmlFirstScreen : public ::testing::TestWithParam<std::string> {};

TEST_P(HtmlFirstScreen, VerdictFirstProblemAndDiagramWithoutScrolling) {
    if (!chromium_available()) GTEST_SKIP() << "chromium not installed";
    test_files::TempDir dir;
    // The report names its input by full path: made in a deep folder (as on a build machine),
    // the header must not grow and push the first card off the screen.
    const fs::path source(GetParam());
    const fs::path deep = dir.path() / std::string(180, 'd') / source.parent_path().filename();
    fs::create_directories(deep);
    fs::copy_file(source, deep / source.filename());
    const fs::path html = dir.path() / "report.html";
    const int status = test_files::run("'" + std::string(EDGEPLAN_BINARY) + "' plan " +
                                       test_files::quote(deep / source.filename()) +
                                       " --now 2026-11-21 --format html >" +
                                       test_files::quote(html) + " 2>/dev/null");
    ASSERT_TRUE(status == 0 || status == 1) << status;
    const std::string page = test_files::read_text(html);
    const nlohmann::json wide = measure(page, "1400,900", "", dir.path());
    ASSERT_TRUE(wide.is_object());
    const double height = wide["innerHeight"].get<double>();
    // On the first screen: the verdict; the banner's line naming the first problem (check,
    // subject, message, linked to its card); the diagram's first rows; and, below the diagram,
    // the first failure's card (the first card shown, when nothing fails): its summary line.
    EXPECT_LE(wide["verdictBottom"].get<double>(), height);
    if (wide.contains("verdictFirstBottom")) {
        EXPECT_LE(wide["verdictFirstBottom"].get<double>(), height) << wide.dump();
    }
    ASSERT_TRUE(wide.contains("diagramTop")) << wide.dump();
    EXPECT_LE(wide["diagramTop"].get<double>() + 120, height) << wide.dump();
    if (wide.contains("firstCard")) {
        EXPECT_LE(wide["firstCardSummaryBottom"].get<double>(), height) << wide.dump();
    }
    nlohmann::json numbers = wide;
    numbers.erase("citationLinks");
    std::cout << GetParam() << " at 1400x900: " << numbers.dump() << "\n";
    const nlohmann::json narrow = measure(page, "1000,1000", "420x900", dir.path());
    ASSERT_TRUE(narrow.is_object());
    EXPECT_LE(narrow["scrollWidth"].get<int>(), 420);
}

INSTANTIATE_TEST_SUITE_P(Topologies, HtmlFirstScreen, ::testing::ValuesIn(topologies()),
                         [](const auto& p) {
                             std::string name =
                                 fs::path(p.param).parent_path().filename().string() + "_" +
                                 fs::path(p.param).stem().string();
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });

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

// --- Printed ----------------------------------------------------------------------------------

// `word` in `text` with no letter, digit or hyphen either side: "PASS" is not in "BYPASS", nor
// "NET-1" in "NET-10".
bool has_word(const std::string& text, const std::string& word) {
    const auto part_of_word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
    };
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool left = at == 0 || !part_of_word(text[at - 1]);
        const bool right = at + word.size() == text.size() || !part_of_word(text[at + word.size()]);
        if (left && right) return true;
    }
    return false;
}

std::string without_spaces(std::string s) {
    s.erase(
        std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
        s.end());
    return s;
}

// The print stylesheet (report/html_assets.cpp) on paper: Chromium prints the report to PDF
// with print media and the page's beforeprint handler, pdftotext reads back what was printed.
// The page is opened with every status shown on screen (#status=...&na=1), so the pass and skip
// cards are in the layout and only the print rules can keep them off the paper.
TEST(HtmlChromium, PrintShowsVerdictDiagramAndProblemCardsOnly) {
    if (!chromium_available()) EDGEPLAN_REQUIRED_MISSING() << "chromium not installed";
    if (!test_files::have("pdftotext -v")) {
        EDGEPLAN_REQUIRED_MISSING() << "pdftotext (poppler-utils) not installed";
    }
    test_files::TempDir dir;
    const std::string run = "'" + std::string(EDGEPLAN_BINARY) +
                            "' plan '" EDGEPLAN_SOURCE_DIR
                            "/samples/multi-domain-pic/topology.xml' --now 2026-11-21 --format ";
    const fs::path html = dir.path() / "report.html";
    const fs::path json = dir.path() / "report.json";
    ASSERT_EQ(test_files::run(run + "html >" + test_files::quote(html) + " 2>/dev/null"), 1);
    ASSERT_EQ(test_files::run(run + "json >" + test_files::quote(json) + " 2>/dev/null"), 1);
    const fs::path pdf = dir.path() / "report.pdf";
    const fs::path txt = dir.path() / "report.txt";
    ASSERT_EQ(test_files::run(chromium(dir.path() / "profile") +
                              " --no-pdf-header-footer --print-to-pdf=" + test_files::quote(pdf) +
                              " 'file://" + html.string() +
                              "#status=fail,error,warn,pass,skip&na=1' >/dev/null 2>&1"),
              0);
    ASSERT_EQ(test_files::run("pdftotext -layout " + test_files::quote(pdf) + " " +
                              test_files::quote(txt)),
              0);
    const std::string paper = test_files::read_text(txt);
    const std::string squeezed = without_spaces(paper);

    // The verdict comes first.
    const auto first = paper.find_first_not_of(" \n\f");
    ASSERT_NE(first, std::string::npos) << "nothing printed";
    EXPECT_EQ(paper.compare(first, 4, "FAIL"), 0) << paper.substr(0, 400);
    // The diagram, whole: its title and an arrow label only the diagram has.
    EXPECT_NE(paper.find("The Edge as planned"), std::string::npos) << paper;
    EXPECT_NE(squeezed.find("TCP443SIP/TLS-Access"), std::string::npos) << paper;

    // Every fail, error and warn card printed open: its body names the canonical subject.
    // Every check whose findings all pass or skip is absent, and so are the pass and skip badges.
    const nlohmann::json report = nlohmann::json::parse(test_files::read_text(json));
    std::set<std::string> problem_ids;
    std::set<std::string> quiet_ids;
    int problems = 0;
    for (const nlohmann::json& f : report.at("findings")) {
        const std::string status = f.at("status");
        const std::string id = f.at("check_id");
        if (status == "fail" || status == "error" || status == "warn") {
            ++problems;
            problem_ids.insert(id);
            EXPECT_NE(
                squeezed.find(without_spaces("Subject: " + f.at("subject").get<std::string>())),
                std::string::npos)
                << id << " " << f.at("subject");
        } else {
            quiet_ids.insert(id);
        }
    }
    ASSERT_GT(problems, 1) << "the sample has a failure and warnings";
    for (const std::string& id : problem_ids) quiet_ids.erase(id);
    ASSERT_FALSE(quiet_ids.empty());
    for (const std::string& id : quiet_ids) EXPECT_FALSE(has_word(paper, id)) << id;
    EXPECT_FALSE(has_word(paper, "PASS"));
    EXPECT_FALSE(has_word(paper, "SKIP"));

    // The plan tables and the catalogue collapse to their headings.
    EXPECT_NE(paper.find("Plan (in the HTML report)"), std::string::npos) << paper;
    EXPECT_NE(paper.find("Checks (in the HTML report)"), std::string::npos) << paper;
    for (const char* column : {"Priority / weight / port", "Exportable key"}) {
        EXPECT_EQ(paper.find(column), std::string::npos) << column;
    }
}

// --- The Edge diagram, measured in the browser -----------------------------------------------

// Run inside a copy of the page (the report's own policy admits no other script): writes what
// the browser laid out as JSON into <pre id="diagram-probe">. A text is "outside" when its
// bounding box leaves the SVG's box, "unboxed" when it leaves the box the layout put it in.
constexpr const char* diagram_probe = R"js(
(function () {
  var out = { texts: [], outside: [], unboxed: [], fail_strokes: [], pass_strokes: [] };
  var svg = document.querySelector("section.edge-diagram svg");
  if (svg === null) { out.error = "no svg"; } else {
    var s = svg.getBoundingClientRect();
    out.svg = [s.left, s.top, s.width, s.height];
    var within = function (r, q) {
      return r.left >= q.left - 0.5 && r.right <= q.right + 0.5 &&
             r.top >= q.top - 0.5 && r.bottom <= q.bottom + 0.5;
    };
    svg.querySelectorAll("text").forEach(function (t) {
      var r = t.getBoundingClientRect();
      out.texts.push(t.textContent);
      if (!within(r, s)) { out.outside.push(t.textContent); }
      var b = t.getAttribute("data-box");
      if (b !== "-1") {
        var box = svg.querySelector("rect[data-box='" + b + "']");
        if (box === null || !within(r, box.getBoundingClientRect())) {
          out.unboxed.push(t.textContent);
        }
      }
    });
    svg.querySelectorAll("a.flow-fail line").forEach(function (l) {
      out.fail_strokes.push(getComputedStyle(l).stroke);
    });
    svg.querySelectorAll("a.flow-pass line").forEach(function (l) {
      out.pass_strokes.push(getComputedStyle(l).stroke);
    });
  }
  var pre = document.createElement("pre");
  pre.id = "diagram-probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
)js";

// The page with the probe added and the policy opened for it; the probe's result.
nlohmann::json probe_diagram(const std::string& page_html, const fs::path& dir) {
    std::string page = page_html;
    const std::size_t csp = page.find("script-src 'sha256-");
    if (csp == std::string::npos) return {};
    page.replace(csp, page.find('"', csp) - csp, "script-src 'unsafe-inline'");
    page.insert(page.rfind("</body>"), "<script>" + std::string(diagram_probe) + "</script>");
    const fs::path file = dir / "probe.html";
    test_files::write_text(file, page);
    const fs::path dom = dir / "probe-dom.html";
    const int status = test_files::run(
        chromium(dir / "profile") + " --window-size=1400,900 --dump-dom 'file://" + file.string() +
        "' >" + test_files::quote(dom) + " 2>" + test_files::quote(dir / "err.txt"));
    if (status != 0) return {};
    const std::string text = test_files::read_text(dom);
    const std::size_t from = text.find("<pre id=\"diagram-probe\">");
    if (from == std::string::npos) return {};
    const std::size_t start = text.find('>', from) + 1;
    std::string json = text.substr(start, text.find("</pre>", start) - start);
    // --dump-dom escapes the text content: undo &amp; &lt; &gt; (and nothing else appears).
    for (const auto& [entity, ch] : {std::pair<std::string, std::string>{"&lt;", "<"},
                                     {"&gt;", ">"},
                                     {"&quot;", "\""},
                                     {"&amp;", "&"}}) {
        for (std::size_t at = json.find(entity); at != std::string::npos;
             at = json.find(entity, at + ch.size())) {
            json.replace(at, entity.size(), ch);
        }
    }
    return nlohmann::json::parse(json, nullptr, false);
}

bool contains(const nlohmann::json& texts, const std::string& needle) {
    for (const auto& t : texts) {
        if (t.get<std::string>().find(needle) != std::string::npos) return true;
    }
    return false;
}

std::string render(const Report& r) {
    std::ostringstream out;
    render_html(r, out);
    return out.str();
}

TEST(HtmlChromiumDiagram, TwentyPoolsOfTwelveMembersAllDrawnRedWhereFailingNothingClipped) {
    if (!chromium_available()) GTEST_SKIP() << "chromium not installed";
    const Report r = testing::generated_edge_report({20, 12, false, ""});
    test_files::TempDir dir;
    const nlohmann::json probe = probe_diagram(render(r), dir.path());
    ASSERT_TRUE(probe.is_object()) << test_files::read_text(dir.path() / "err.txt");
    ASSERT_FALSE(probe.contains("error")) << probe.dump();
    for (const topology::EdgePoolAddressing& pool : r.plan.edge_pools) {
        for (const topology::MemberAddressing& m : pool.members) {
            EXPECT_TRUE(contains(probe["texts"], m.fqdn)) << m.fqdn;
            for (const auto* s : {&m.access, &m.webconf, &m.av}) {
                for (const std::string& ip : s->interface_ips) {
                    EXPECT_TRUE(contains(probe["texts"], ip)) << m.fqdn << " " << ip;
                }
                for (const std::string& ip : s->public_ips) {
                    EXPECT_TRUE(contains(probe["texts"], ip)) << m.fqdn << " " << ip;
                }
            }
            for (const std::string& ip : m.internal_ips) {
                EXPECT_TRUE(contains(probe["texts"], ip)) << m.fqdn << " " << ip;
            }
        }
    }
    EXPECT_EQ(probe["fail_strokes"], nlohmann::json::array({"rgb(198, 40, 40)"}));
    EXPECT_EQ(probe["pass_strokes"], nlohmann::json::array({"rgb(46, 125, 50)"}));
    EXPECT_TRUE(probe["outside"].empty()) << probe["outside"].dump();
    EXPECT_TRUE(probe["unboxed"].empty()) << probe["unboxed"].dump();
    EXPECT_GT(probe["svg"][3].get<double>(), 1000.0) << "20 bands are drawn, not squeezed";
}

TEST(HtmlChromiumDiagram, HostileAndLongNamesStayTextInsideTheirBoxes) {
    if (!chromium_available()) GTEST_SKIP() << "chromium not installed";
    const std::string suffix = "<script>document.title='pwned'</script>\"&" +
                               std::string(120, 'w') + ".東京東京東京東京東京東京東京東京";
    const Report r = testing::generated_edge_report({2, 3, true, suffix});
    test_files::TempDir dir;
    const std::string page = render(r);
    const nlohmann::json probe = probe_diagram(page, dir.path());
    ASSERT_TRUE(probe.is_object()) << test_files::read_text(dir.path() / "err.txt");
    EXPECT_TRUE(contains(probe["texts"], "<script>document.title="));
    EXPECT_TRUE(probe["outside"].empty()) << probe["outside"].dump();
    EXPECT_TRUE(probe["unboxed"].empty()) << probe["unboxed"].dump();
    // And in the report as shipped (its own policy), the title stays the report's.
    const Page shipped(r);
    EXPECT_EQ(title_of(shipped.dump_dom()).find("pwned"), std::string::npos);
}

// The real exports in ../shared/real-topologies, planned by the edgeplan binary: nothing of the
// diagram leaves its box. Skipped when the folder is absent, except under CI=true.
class HtmlChromiumRealDiagram : public ::testing::TestWithParam<const char*> {};

TEST_P(HtmlChromiumRealDiagram, NothingClipped) {
    const fs::path path = fs::path(EDGEPLAN_SHARED_DIR) / "real-topologies" / GetParam();
    if (!fs::exists(path)) {
        const char* ci = std::getenv("CI");
        if (ci != nullptr && std::string(ci) == "true") FAIL() << path << " missing under CI";
        GTEST_SKIP() << path << " not present";
    }
    if (!chromium_available()) GTEST_SKIP() << "chromium not installed";
    test_files::TempDir dir;
    const fs::path html = dir.path() / "report.html";
    const int status =
        test_files::run(std::string(EDGEPLAN_BINARY) + " plan " + test_files::quote(path) +
                        " --format html >" + test_files::quote(html) + " 2>/dev/null");
    ASSERT_TRUE(status == 0 || status == 1) << status;
    const std::string page = test_files::read_text(html);
    const nlohmann::json probe = probe_diagram(page, dir.path());
    ASSERT_TRUE(probe.is_object()) << test_files::read_text(dir.path() / "err.txt");
    if (page.find("The topology has no Edge pool") != std::string::npos) {
        // The PowerShell export has no Edge pool: a sentence says so, nothing is drawn.
        EXPECT_EQ(probe.value("error", ""), "no svg");
        return;
    }
    ASSERT_FALSE(probe.contains("error")) << probe.dump();
    EXPECT_GT(probe["texts"].size(), 20u);
    EXPECT_TRUE(probe["outside"].empty()) << probe["outside"].dump();
    EXPECT_TRUE(probe["unboxed"].empty()) << probe["unboxed"].dump();
}

INSTANTIATE_TEST_SUITE_P(Real, HtmlChromiumRealDiagram,
                         ::testing::Values("SfBAutomatedLab-Contoso.tbxml",
                                           "SkypeforBusiness_lab_V3-DefaultTopology_Skype.xml",
                                           "powershell-skype-DefaultTopology.xml"),
                         [](const auto& p) {
                             std::string name = p.param;
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });

}  // namespace
}  // namespace edgeplan::report
