// report/json_report_reader.h: a report read back from its JSON renders every format as the
// report itself did, for the reports the renderer tests build (every status, hostile strings,
// gate marks of every kind, --fail-on warn), and markdown stays inert.
#include "report/json_report_reader.h"

#include <gtest/gtest.h>

#include "../report/sample_report.h"
#include "app/report_outputs.h"
#include "gated_report.h"
#include "hostile_report.h"

namespace edgeplan::report {
namespace {

void expect_round_trip(const Report& r, const std::string& label) {
    const std::string json = app::render_report(r, "json", {});
    const Report again = report_from_json_text(json, "report.json");
    for (const char* format : {"text", "json", "junit", "sarif", "html", "markdown"}) {
        EXPECT_EQ(app::render_report(again, format, {}), app::render_report(r, format, {}))
            << label << " " << format;
    }
    TextOptions verbose;
    verbose.verbose = true;
    EXPECT_EQ(app::render_report(again, "text", verbose), app::render_report(r, "text", verbose))
        << label;
}

TEST(JsonReportReader, EveryFormatRoundTrips) {
    expect_round_trip(testing::sample_report(), "sample");
    expect_round_trip(testing::hostile_report(), "hostile");
    for (bool baseline : {false, true}) {
        for (bool waivers : {false, true}) {
            Report r = testing::gated_report(baseline, waivers);
            expect_round_trip(r, "gated");
            r.fail_on_warn = true;
            expect_round_trip(r, "gated, fail on warn");
        }
    }
}

// `edgeplan partners` reports carry the partner table; render shows it as the run did.
TEST(JsonReportReader, PartnerTableRoundTrips) {
    Report r = testing::hostile_report();
    r.command = "partners";
    checks::partners::PartnerRow failing;
    failing.domain = "fabrikam.example";
    failing.protocol = "sip";
    failing.kind = "on-premises";
    failing.targets = {"sip.fabrikam.example:5061"};
    failing.addresses = {"192.0.2.7", "2001:db8::7"};
    failing.verdict = checks::Status::fail;
    failing.problem = "<script>alert(1)</script> no answer on 5061";
    checks::partners::PartnerRow hosted;
    hosted.domain = "tenant.example";
    hosted.protocol = "sip";
    hosted.kind = "hosted";
    hosted.provider = "Microsoft 365 / Teams";
    hosted.targets = {"sipfed.online.lync.com:5061"};
    hosted.addresses = {"198.51.100.4"};
    hosted.tls_version = "TLSv1.2";
    hosted.cert_not_after = "2027-01-31T23:59:59Z";
    r.partners = {failing, hosted};
    expect_round_trip(r, "partners");
}

TEST(JsonReportReader, MarkdownOfHostileStringsIsInert) {
    const std::string md = app::render_report(testing::hostile_report(), "markdown", {});
    EXPECT_EQ(md.find("<script"), std::string::npos) << md;
    EXPECT_EQ(md.find("<img"), std::string::npos) << md;
    EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos) << md;
}

}  // namespace
}  // namespace edgeplan::report
