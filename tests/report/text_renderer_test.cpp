#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/renderers.h"
#include "sample_report.h"

namespace edgeplan::report {
namespace {

std::string render(const Report& r, TextOptions options) {
    std::ostringstream out;
    render_text(r, options, out);
    return out.str();
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Index of the first line containing every needle, or -1.
int line_with(const std::vector<std::string>& lines, const std::vector<std::string>& needles) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool all = true;
        for (const std::string& n : needles) all = all && lines[i].find(n) != std::string::npos;
        if (all) return static_cast<int>(i);
    }
    return -1;
}

std::string upper(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return s;
}

TEST(TextRenderer, HeaderNamesToolVersionInputsAndNow) {
    const Report r = testing::sample_report();
    const std::vector<std::string> lines = lines_of(render(r, {}));
    EXPECT_NE(line_with(lines, {"edgeplan", r.tool_version}), -1);
    EXPECT_NE(line_with(lines, {"now:", r.now}), -1);
    for (const InputFile& i : r.inputs) EXPECT_NE(line_with(lines, {i.role, i.path}), -1) << i.path;
}

TEST(TextRenderer, PlanTablesHoldEveryRecordRuleCertificateAndUnknown) {
    const Report r = testing::sample_report();
    TextOptions wide;
    wide.width = 400;  // one line per row, so a row's cells can be found on one line
    const std::string text = render(r, wide);
    const std::vector<std::string> lines = lines_of(text);
    for (const topology::DnsRecord& d : r.plan.dns) {
        std::vector<std::string> needles = {d.zone, d.name, to_string(d.type), d.value, d.rule};
        if (d.type == topology::DnsRecordType::srv) {
            needles.push_back(std::to_string(d.priority));
            needles.push_back(std::to_string(d.weight));
            needles.push_back(std::to_string(d.port));
        }
        EXPECT_NE(line_with(lines, needles), -1) << d.name;
    }
    for (const topology::FirewallRule& f : r.plan.firewall) {
        std::string ports = std::to_string(f.port_from);
        if (f.port_to != f.port_from) ports += "-" + std::to_string(f.port_to);
        std::vector<std::string> needles = {
            f.direction == topology::Direction::inbound ? "in  " : "out ",
            to_string(f.transport),
            ports,
            f.source.label,
            f.destination.label,
            f.purpose,
            f.rule};
        for (const std::string& a : f.destination.addresses) needles.push_back(a);
        EXPECT_NE(line_with(lines, needles), -1) << f.rule;
    }
    for (const topology::CertificateRequest& c : r.plan.certificates) {
        std::vector<std::string> needles = {c.pool_id, to_string(c.use), c.subject};
        for (const std::string& san : c.sans) needles.push_back(san);
        for (auto eku : c.ekus) needles.push_back(to_string(eku));
        EXPECT_NE(line_with(lines, needles), -1) << c.subject;
    }
    for (const topology::Unknown& u : r.plan.unknowns) {
        EXPECT_NE(line_with(lines, {u.what, u.rule}), -1) << u.what;
    }
    // Sections in the documented order.
    std::size_t previous = 0;
    for (const char* title : {"DNS records", "Firewall rules", "Certificates required", "Unknowns",
                              "Findings (most urgent first)"}) {
        const std::size_t at = text.find(std::string("\n") + title + "\n");
        ASSERT_NE(at, std::string::npos) << title;
        EXPECT_GT(at, previous) << title;
        previous = at;
    }
}

TEST(TextRenderer, DnsTablesAreSplitByZoneKind) {
    const Report r = testing::sample_report();
    TextOptions wide;
    wide.width = 400;
    const std::vector<std::string> lines = lines_of(render(r, wide));
    const int external = line_with(lines, {"external DNS"});
    const int internal = line_with(lines, {"internal DNS"});
    ASSERT_NE(external, -1);
    ASSERT_NE(internal, -1);
    for (const topology::DnsRecord& d : r.plan.dns) {
        const int at = line_with(lines, {d.name});
        if (d.zone_kind == topology::DnsZoneKind::external) {
            EXPECT_TRUE(at > external && at < internal) << d.name;
        } else {
            EXPECT_GT(at, internal) << d.name;
        }
    }
}

TEST(TextRenderer, FirewallTablesAreSplitBySideAndShowNoRowLabels) {
    const Report r = testing::sample_report();
    TextOptions wide;
    wide.width = 400;
    const std::vector<std::string> lines = lines_of(render(r, wide));
    const int external = line_with(lines, {"  external firewall"});
    const int internal = line_with(lines, {"  internal firewall"});
    ASSERT_NE(external, -1);
    ASSERT_NE(internal, -1);
    for (const topology::FirewallRule& f : r.plan.firewall) {
        const int at = line_with(lines, {f.purpose, f.rule});
        ASSERT_NE(at, -1) << f.rule;
        if (f.side == topology::FirewallSide::external) {
            EXPECT_TRUE(at > external && at < internal) << f.rule;
        } else {
            EXPECT_GT(at, internal) << f.rule;
        }
        // The catalogue's table row labels (X5, I2) are not words a Lync admin uses.
        EXPECT_EQ(lines[at].find("(" + f.row + ")"), std::string::npos) << lines[at];
    }
}

// Every plan row names every finding about it (plan_verification.h), offline ones included, as
// status and check ID, grouped by status: the statuses that need action in capitals, repeats
// counted.
TEST(TextRenderer, PlanRowsListEveryFindingAboutThem) {
    Report r = testing::sample_report();
    // Two passes of one check about the same rule (two addresses), and an offline warning.
    checks::Finding first = testing::sample_finding("PORT-EXT-05", checks::Status::pass,
                                                    "tcp:131.107.155.10:443", "open", {}, {});
    checks::Finding second = first;
    second.subject = "tls:131.107.155.10:443";
    checks::Finding offline =
        testing::sample_finding("NET-10", checks::Status::fail, "pool:edgepool",
                                "published a private address", {{"ip", "131.107.155.10"}}, {});
    r.catalogue["PORT-EXT-05"] = testing::sample_info("PORT-EXT-05", checks::Severity::must, "x");
    r.catalogue["NET-10"] = testing::sample_info("NET-10", checks::Severity::must, "x");
    r.findings.insert(r.findings.end(), {first, second, offline});
    std::sort(r.findings.begin(), r.findings.end(), checks::finding_order);
    r.command = "plan";
    TextOptions wide;
    wide.width = 400;
    const std::vector<std::string> lines = lines_of(render(r, wide));

    const int https = line_with(lines, {"client access", "PORT-EXT-05"});
    ASSERT_NE(https, -1);
    EXPECT_NE(lines[https].find("FAIL NET-10; pass PORT-EXT-05 x2"), std::string::npos)
        << lines[https];
    // The internal rule: no finding is about it, and `plan` probes nothing.
    const int internal = line_with(lines, {"PORT-INT-02"});
    ASSERT_NE(internal, -1);
    EXPECT_NE(lines[internal].find("no finding"), std::string::npos) << lines[internal];
    r.command = "check";
    const std::vector<std::string> checked = lines_of(render(r, wide));
    EXPECT_NE(line_with(checked, {"PORT-INT-02", "not probed"}), -1);
    // The certificate row: the failing chain check, matched by its cert_san evidence.
    const topology::CertificateRequest& cert = r.plan.certificates.front();
    const int cert_line = line_with(lines, {cert.subject, cert.pool_id, "public CA"});
    ASSERT_NE(cert_line, -1);
    EXPECT_NE(lines[cert_line].find("FAIL CERT-EXT-01"), std::string::npos) << lines[cert_line];
}

TEST(TextRenderer, ShowPlanFalseOmitsThePlanTables) {
    const Report r = testing::sample_report();
    TextOptions options;
    options.show_plan = false;
    const std::string text = render(r, options);
    for (const char* title : {"DNS records", "Firewall rules", "Certificates", "Unknowns"}) {
        EXPECT_EQ(text.find(title), std::string::npos) << title;
    }
    EXPECT_EQ(text.find(r.plan.firewall.front().purpose), std::string::npos);
    EXPECT_NE(text.find("Findings"), std::string::npos);
}

// One row per finding-section mode: which findings are listed, whether evidence and citations
// appear.
struct ModeRow {
    const char* name;
    bool verbose;
    bool lists_passes;
    bool shows_evidence;
};

// Test logs show the row name, not the bytes of the row.
void PrintTo(const ModeRow& row, std::ostream* os) { *os << row.name; }

class FindingModes : public ::testing::TestWithParam<ModeRow> {};

TEST_P(FindingModes, ListsFindingsWithRemediationUnderFailAndWarn) {
    const ModeRow& row = GetParam();
    const Report r = testing::sample_report();
    TextOptions options;
    options.verbose = row.verbose;
    options.width = 200;  // no finding line wraps: the details are right under it
    const std::vector<std::string> lines = lines_of(render(r, options));
    for (const checks::Finding& f : r.findings) {
        SCOPED_TRACE(f.check_id);
        const std::string tag = upper(to_string(f.status));
        const int at = line_with(lines, {tag, f.check_id, f.message.str().substr(0, 10)});
        const bool not_applicable = f.skip_reason == "not_applicable";
        const bool listed =
            row.lists_passes || (f.status != checks::Status::pass && !not_applicable);
        ASSERT_EQ(at != -1, listed);
        if (!listed) continue;
        if (f.status == checks::Status::skip) {
            EXPECT_NE(lines[at].find(f.skip_reason), std::string::npos);
        }
        const checks::CheckInfo& info = r.catalogue.at(f.check_id.str());
        const bool fix = f.status == checks::Status::fail || f.status == checks::Status::warn;
        const int fix_line = line_with(lines, {"fix: " + info.remediation});
        if (fix) {
            EXPECT_EQ(fix_line, at + 1) << "remediation right under the finding";
        } else {
            EXPECT_EQ(fix_line, -1);
        }
        int next = at + 1 + (fix ? 1 : 0);
        const bool located = f.where.known() || !f.where.file.empty();
        if (row.shows_evidence && located) {
            ASSERT_LT(next, static_cast<int>(lines.size()));
            EXPECT_NE(lines[next].find("at: " + f.where.to_string()), std::string::npos);
            ++next;
        }
        for (const auto& [key, value] : f.evidence) {
            if (!row.shows_evidence) {
                EXPECT_EQ(line_with(lines, {key + "="}), -1) << key;
                continue;
            }
            // Evidence lines follow in report order, indented under the finding.
            ASSERT_LT(next, static_cast<int>(lines.size()));
            EXPECT_EQ(lines[next].find(key + "="), 8u) << lines[next];
            ++next;
        }
        if (row.shows_evidence) {
            EXPECT_NE(line_with(lines,
                                {"cite:", info.citations.front().key, info.citations.front().page}),
                      -1);
        } else {
            EXPECT_EQ(line_with(lines, {"cite:"}), -1);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Rows, FindingModes,
    ::testing::Values(ModeRow{"compact_lists_only_non_pass", false, false, false},
                      ModeRow{"verbose_lists_all_with_evidence", true, true, true}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(TextRenderer, CompactModeCountsThePassesItDoesNotList) {
    const Report r = testing::sample_report();
    const std::vector<std::string> lines = lines_of(render(r, {}));
    EXPECT_NE(
        line_with(lines, {std::to_string(r.summary().pass) + " passing finding", "--verbose"}), -1);
}

TEST(TextRenderer, SummaryLineCountsEveryStatusButNotInTestRunnerForm) {
    const Report r = testing::sample_report();
    const Summary s = r.summary();
    const std::string expected = "summary: " + std::to_string(s.pass) + " pass, " +
                                 std::to_string(s.fail) + " fail, " + std::to_string(s.warn) +
                                 " warn, " + std::to_string(s.skip) + " skip, " +
                                 std::to_string(s.error) + " error";
    const std::regex runner_form(R"(^\s*\d+ passed, \d+ failed\s*$)");
    for (bool verbose : {false, true}) {
        TextOptions options;
        options.verbose = verbose;
        const std::vector<std::string> lines = lines_of(render(r, options));
        EXPECT_EQ(lines.back(), expected);
        for (const std::string& line : lines) EXPECT_FALSE(std::regex_search(line, runner_form));
    }
}

// One row per colour setting and finding mode: escapes appear exactly when colour is on.
struct ColourRow {
    const char* name;
    bool colour;
    bool verbose;
};

// Test logs show the row name, not the bytes of the row.
void PrintTo(const ColourRow& row, std::ostream* os) { *os << row.name; }

class Colour : public ::testing::TestWithParam<ColourRow> {};

TEST_P(Colour, EscapesOnlyWhenAskedAndNeverFromInputs) {
    const ColourRow& row = GetParam();
    const Report r = testing::sample_report();
    TextOptions options;
    options.colour = row.colour;
    options.verbose = row.verbose;
    const std::string text = render(r, options);
    // The sample carries "\x1b[2J" and "\x07" in a subject and evidence: always made visible.
    EXPECT_EQ(text.find("\x1b[2J"), std::string::npos);
    EXPECT_EQ(text.find('\x07'), std::string::npos);
    EXPECT_NE(text.find("\\x1b[2J"), std::string::npos);
    if (!row.colour) {
        EXPECT_EQ(text.find('\x1b'), std::string::npos);
        return;
    }
    const std::vector<std::pair<checks::Status, std::string>> colours = {
        {checks::Status::fail, "\x1b[31m"},
        {checks::Status::warn, "\x1b[33m"},
        {checks::Status::pass, "\x1b[32m"},
        {checks::Status::skip, "\x1b[2m"},
        {checks::Status::error, "\x1b[35m"}};
    for (const auto& [status, code] : colours) {
        // The sample's one skip is not_applicable: listed, like passes, only when verbose.
        const bool listed =
            (status != checks::Status::pass && status != checks::Status::skip) || row.verbose;
        EXPECT_EQ(text.find(code + upper(to_string(status))) != std::string::npos, listed)
            << to_string(status);
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, Colour,
                         ::testing::Values(ColourRow{"plain_compact", false, false},
                                           ColourRow{"plain_verbose", false, true},
                                           ColourRow{"coloured_compact", true, false},
                                           ColourRow{"coloured_verbose", true, true}),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(TextRenderer, SameReportGivesSameOutput) {
    const Report r = testing::sample_report();
    const Report copy = r;
    for (bool verbose : {false, true}) {
        TextOptions options;
        options.verbose = verbose;
        EXPECT_EQ(render(r, options), render(copy, options));
        EXPECT_EQ(render(r, options), render(r, options));
    }
}

TEST(TextRenderer, EmptyReportSaysNoneEverywhere) {
    Report r;
    r.tool_version = "0.1.0";
    const std::string text = render(r, {});
    EXPECT_NE(text.find("(none)"), std::string::npos);
    EXPECT_NE(text.find("summary: 0 pass, 0 fail, 0 warn, 0 skip, 0 error\n"), std::string::npos);
}

// Columns a line takes: one per code point, as text::display_width counts them.
std::size_t columns(const std::string& line) {
    std::size_t n = 0;
    for (char ch : line) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

TEST(TextRenderer, VerdictComesRightAfterTheTitle) {
    const Report r = testing::sample_report();
    const std::vector<std::string> lines = lines_of(render(r, {}));
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[1], "verdict: FAIL (1 fail, 1 error, 1 warn, 1 pass, 1 skip)");
}

TEST(TextRenderer, FindingsAreOrderedFailErrorWarnPassSkip) {
    const Report r = testing::sample_report();  // report order: fail, pass, warn, skip, error
    TextOptions options;
    options.verbose = true;
    options.width = 200;
    const std::vector<std::string> lines = lines_of(render(r, options));
    const int findings = line_with(lines, {"Findings (most urgent first)"});
    ASSERT_NE(findings, -1);
    std::vector<std::string> tags;
    for (std::size_t i = static_cast<std::size_t>(findings) + 2; i < lines.size(); ++i) {
        if (lines[i].rfind("  ", 0) == 0 && lines[i].size() > 2 && lines[i][2] != ' ') {
            tags.push_back(lines[i].substr(2, 5));
        }
    }
    EXPECT_EQ(tags, (std::vector<std::string>{"FAIL ", "ERROR", "WARN ", "PASS ", "SKIP "}));
}

TEST(TextRenderer, NotApplicableSkipsAreCountedNotListedUnlessVerbose) {
    Report r = testing::sample_report();
    checks::Finding other = r.findings[3];  // PORT-EXT-12 skip, not_applicable
    other.subject = "pool:other";
    other.skip_reason = "unknown_input";
    other.message = "whether the pool is scaled is not stated";
    r.findings.push_back(other);
    const std::string compact = render(r, {});
    EXPECT_EQ(compact.find("no A/V Edge in this topology"), std::string::npos);
    EXPECT_NE(compact.find("(1 check not applicable to this topology not listed; --verbose lists "
                           "them)"),
              std::string::npos);
    // A skip for another reason says something about the inputs: always listed.
    EXPECT_NE(compact.find("whether the pool is scaled is not stated [unknown_input]"),
              std::string::npos);
    TextOptions verbose;
    verbose.verbose = true;
    const std::string full = render(r, verbose);
    EXPECT_NE(full.find("no A/V Edge in this topology [not_applicable]"), std::string::npos);
    EXPECT_EQ(full.find("not applicable to this topology not listed"), std::string::npos);
}

TEST(TextRenderer, FindingsSharingACauseAreGroupedUnderIt) {
    Report r = testing::sample_report();
    // One private address behind two published names and one member: three findings, one cause.
    for (const char* subject : {"plan:a.contoso.com/A=10.0.0.2", "plan:b.contoso.com/A=10.0.0.2"}) {
        r.findings.push_back(testing::sample_finding("NET-10", checks::Status::fail, subject,
                                                     "would publish private address 10.0.0.2",
                                                     {{"ip", "10.0.0.2"}}, {}));
    }
    r.findings.push_back(testing::sample_finding(
        "NAT-05", checks::Status::fail, "member:edge01.contoso.net",
        "declared public A/V address 10.0.0.2 is not public", {{"ip", "10.0.0.2"}}, {}));
    r.catalogue["NET-10"] = testing::sample_info("NET-10", checks::Severity::must, "Publish it.");
    r.catalogue["NAT-05"] = testing::sample_info("NAT-05", checks::Severity::must, "Enter it.");
    std::sort(r.findings.begin(), r.findings.end(), checks::finding_order);
    TextOptions options;
    options.width = 200;
    const std::vector<std::string> lines = lines_of(render(r, options));
    const int head = line_with(lines, {"FAIL", "3 findings, one cause: address 10.0.0.2"});
    ASSERT_NE(head, -1);
    for (int i = 1; i <= 3; ++i) {
        EXPECT_EQ(lines[static_cast<std::size_t>(head + i)].rfind("    FAIL  N", 0), 0u)
            << lines[static_cast<std::size_t>(head + i)];
    }
    // Each distinct fix once, under the group.
    EXPECT_NE(line_with(lines, {"fix (NAT-05): Enter it."}), -1);
    EXPECT_NE(line_with(lines, {"fix (NET-10): Publish it."}), -1);
    // The grouped failures come before the ungrouped error.
    EXPECT_LT(head, line_with(lines, {"ERROR", "TOPO-NAT-01"}));
}

// One row per width: no line is wider, whatever the mode.
class TextWidth : public ::testing::TestWithParam<std::size_t> {};

TEST_P(TextWidth, NoLineIsWiderThanTheWidth) {
    Report r = testing::sample_report();
    r.plan.certificates.front().sans.push_back(
        "a-very-long-subject-alternative-name-that-cannot-break.lync.contoso.com");
    for (bool verbose : {false, true}) {
        TextOptions options;
        options.verbose = verbose;
        options.width = GetParam();
        for (const std::string& line : lines_of(render(r, options))) {
            EXPECT_LE(columns(line), GetParam()) << line;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Columns, TextWidth, ::testing::Values(40, 60, 100, 200));

}  // namespace
}  // namespace edgeplan::report
