#include <gtest/gtest.h>

#include <functional>
#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "../report/sample_report.h"
#include "gated_report.h"
#include "report/ci_renderers.h"
#include "tests/support/files.h"
#include "tests/support/required.h"

namespace edgeplan::report {
namespace {

using checks::Status;

std::string junit(const Report& r, bool fail_on_warn = false) {
    std::ostringstream out;
    render_junit(r, JunitOptions{fail_on_warn}, out);
    return out.str();
}

pugi::xml_node testcase(const pugi::xml_document& doc, const std::string& name) {
    return doc.select_node(("//testcase[@name='" + name + "']").c_str()).node();
}

Report one_finding(Status status) {
    Report r;
    r.tool_version = "0.1.0";
    r.command = "check";
    checks::Finding f =
        testing::sample_finding("DNS-A-EXT-01", status, "dns:sip.contoso.com/A", "the message",
                                {{"fqdn", "sip.contoso.com"}}, {"topology.xml", 12, 5});
    if (status == Status::skip) f.skip_reason = "not_applicable";
    r.findings.push_back(f);
    r.catalogue["DNS-A-EXT-01"] =
        testing::sample_info("DNS-A-EXT-01", checks::Severity::must, "Publish the A record.");
    return r;
}

// One row per status (and warn twice, with and without fail_on_warn): which child the test case
// gets and how the suite counts it.
struct StatusRow {
    const char* name;
    Status status;
    bool fail_on_warn;
    const char* child;  // "" = no child element
    int failures, errors, skipped;
};

void PrintTo(const StatusRow& row, std::ostream* os) { *os << row.name; }

class JunitStatus : public ::testing::TestWithParam<StatusRow> {};

TEST_P(JunitStatus, MapsStatusToElement) {
    const StatusRow& row = GetParam();
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(junit(one_finding(row.status), row.fail_on_warn).c_str()));
    const pugi::xml_node tc = testcase(doc, "DNS-A-EXT-01 dns:sip.contoso.com/A");
    ASSERT_TRUE(tc) << "no test case named 'ID subject'";
    EXPECT_STREQ(tc.attribute("classname").value(), "dns");
    const pugi::xml_node first = tc.first_child();
    EXPECT_STREQ(first ? first.name() : "", row.child);
    for (const char* problem : {"failure", "error", "skipped"}) {
        if (std::string(row.child) != problem) {
            EXPECT_FALSE(tc.child(problem)) << problem;
        }
    }
    const pugi::xml_node suite = doc.child("testsuites").child("testsuite");
    EXPECT_EQ(suite.attribute("tests").as_int(), 1);
    EXPECT_EQ(suite.attribute("failures").as_int(), row.failures);
    EXPECT_EQ(suite.attribute("errors").as_int(), row.errors);
    EXPECT_EQ(suite.attribute("skipped").as_int(), row.skipped);
    EXPECT_EQ(doc.child("testsuites").attribute("failures").as_int(), row.failures);
    EXPECT_EQ(doc.child("testsuites").attribute("errors").as_int(), row.errors);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, JunitStatus,
    ::testing::Values(
        StatusRow{"pass_is_an_empty_case", Status::pass, false, "", 0, 0, 0},
        StatusRow{"fail_is_a_failure", Status::fail, false, "failure", 1, 0, 0},
        StatusRow{"error_is_an_error", Status::error, false, "error", 0, 1, 0},
        StatusRow{"skip_is_skipped", Status::skip, false, "skipped", 0, 0, 1},
        StatusRow{"warn_passes_with_output", Status::warn, false, "system-out", 0, 0, 0},
        StatusRow{"warn_fails_with_fail_on_warn", Status::warn, true, "failure", 1, 0, 0}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Junit, FailureCarriesMessageEvidenceAndFix) {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(junit(testing::sample_report()).c_str()));
    const pugi::xml_node failure =
        testcase(doc, "CERT-EXT-01 file:certs/edge.pfx").child("failure");
    ASSERT_TRUE(failure);
    EXPECT_EQ(std::string(failure.attribute("message").value()),
              "certificate chains to a private CA <script>alert(1)</script>");
    EXPECT_STREQ(failure.attribute("type").value(), "CERT-EXT-01");
    const std::string body = failure.text().get();
    EXPECT_NE(body.find("at: topology.xml:30:7"), std::string::npos) << body;
    EXPECT_NE(body.find("observed=CN=Contoso Root"), std::string::npos) << body;
    EXPECT_NE(body.find("fix: Request the external certificate from a public CA."),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("cite: CR-EXT"), std::string::npos) << body;
    const pugi::xml_node skipped = testcase(doc, "PORT-EXT-12 pool:edgepool").child("skipped");
    EXPECT_STREQ(skipped.attribute("message").value(), "not_applicable");
}

TEST(Junit, OneSuitePerAreaWithCounts) {
    Report r = testing::sample_report();
    r.catalogue["CERT-EXT-01"].area = "certificates";
    r.catalogue["TOPO-NAT-01"].area = "topology";
    r.catalogue.erase("PORT-EXT-12");  // a finding without metadata still gets a suite
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(junit(r).c_str()));
    std::vector<std::string> names;
    int tests = 0;
    for (const pugi::xml_node suite : doc.child("testsuites").children("testsuite")) {
        names.emplace_back(suite.attribute("name").value());
        int cases = 0;
        for (const pugi::xml_node tc : suite.children("testcase")) {
            EXPECT_EQ(std::string(tc.attribute("classname").value()), names.back());
            ++cases;
        }
        EXPECT_EQ(suite.attribute("tests").as_int(), cases);
        tests += cases;
    }
    EXPECT_EQ(names, (std::vector<std::string>{"certificates", "dns", "topology", "uncatalogued"}));
    EXPECT_EQ(tests, static_cast<int>(r.findings.size()));
    EXPECT_EQ(doc.child("testsuites").attribute("tests").as_int(), tests);
}

TEST(Junit, ControlCharactersAreMadeVisible) {
    // The sample's error finding has ESC and BEL in its subject and evidence: XML 1.0 forbids
    // them even escaped, so they must arrive as visible text or the file is not XML at all.
    const std::string xml = junit(testing::sample_report());
    EXPECT_EQ(xml.find('\x1b'), std::string::npos);
    EXPECT_EQ(xml.find('\x07'), std::string::npos);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(xml.c_str()));
    EXPECT_TRUE(testcase(doc, "TOPO-NAT-01 member:edge01.contoso.net\\x1b[2J"));
}

// Schema validation with xmllint: rendered documents, and broken ones to show the schema bites.
const std::string xsd = EDGEPLAN_SOURCE_DIR "/tests/report_formats/junit.xsd";

struct XsdRow {
    const char* name;
    std::function<std::string()> document;
    bool valid;
};

void PrintTo(const XsdRow& row, std::ostream* os) { *os << row.name; }

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

class JunitSchema : public ::testing::TestWithParam<XsdRow> {};

TEST_P(JunitSchema, ValidatesWithXmllint) {
    if (!test_files::have("xmllint --version"))
        EDGEPLAN_REQUIRED_MISSING() << "xmllint (libxml2-utils) missing";
    const XsdRow& row = GetParam();
    test_files::TempDir dir;
    const auto file = dir.path() / "junit.xml";
    const std::string document = row.document();
    test_files::write_text(file, document);
    const int status = test_files::run("xmllint --noout --schema " + test_files::quote(xsd) + " " +
                                       test_files::quote(file) + " 2>" +
                                       test_files::quote(dir.path() / "errors.txt"));
    const std::string errors = test_files::read_text(dir.path() / "errors.txt");
    ASSERT_TRUE(status == 0 || status == 3) << "xmllint failed to run: " << status << errors;
    EXPECT_EQ(status == 0, row.valid) << errors << document;
}

std::string full() { return junit(testing::sample_report()); }

INSTANTIATE_TEST_SUITE_P(
    Rows, JunitSchema,
    ::testing::Values(
        XsdRow{"valid_every_status", full, true},
        XsdRow{"valid_fail_on_warn", [] { return junit(testing::sample_report(), true); }, true},
        XsdRow{"valid_empty_report", [] { return junit(Report{}); }, true},
        XsdRow{"valid_baseline_and_waivers",
               [] { return junit(testing::gated_report(true, true)); }, true},
        XsdRow{"invalid_case_without_name",
               [] { return replace(full(), "<testcase name=", "<testcase label="); }, false},
        XsdRow{"invalid_failure_and_error_in_one_case",
               [] { return replace(full(), "</failure>", "</failure><error/>"); }, false},
        XsdRow{"invalid_negative_count", [] { return replace(full(), "tests=\"", "tests=\"-"); },
               false},
        XsdRow{"invalid_unknown_element",
               [] { return replace(full(), "<properties>", "<props/><properties>"); }, false}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace edgeplan::report
