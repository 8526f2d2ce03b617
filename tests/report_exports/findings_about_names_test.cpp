// The notes the zone and CSR exports write beside a row: which findings are about a name.
#include "report/findings_about_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace edgeplan::report {
namespace {

using checks::Status;

checks::Finding finding(const std::string& id, Status status, const std::string& subject,
                        checks::Evidence evidence = {}) {
    checks::Finding f;
    f.check_id = id;
    f.status = status;
    f.subject = subject;
    f.message = id + " says " + subject;
    f.evidence = std::move(evidence);
    return f;
}

using Notes = std::vector<std::string>;

TEST(FindingsAboutNames, SubjectOrFqdnEvidenceNameTheRowInReportOrder) {
    const std::vector<checks::Finding> findings{
        finding("NET-10", Status::fail, "plan:sip.contoso.com/A=10.0.0.2",
                {{"fqdn", "sip.contoso.com"}, {"ip", "10.0.0.2"}}),
        finding("NET-10", Status::pass, "plan:sip.contoso.com/A=131.107.155.10"),
        finding("DNS-NAME-01", Status::warn, "pool:edgepool", {{"fqdn", "sip.contoso.com"}}),
        finding("DNS-A-EXT-04", Status::fail, "dns:sip.contoso.com/A"),
        finding("NET-10", Status::fail, "plan:webcon.contoso.com/A=10.0.0.4"),
    };
    const FindingsAboutNames about(findings);
    // Once each, though NET-10's subject and fqdn both name it; passing findings are no note.
    EXPECT_EQ(about.about("sip.contoso.com", ""),
              (Notes{"FAIL NET-10: NET-10 says plan:sip.contoso.com/A=10.0.0.2",
                     "WARN DNS-NAME-01: DNS-NAME-01 says pool:edgepool",
                     "FAIL DNS-A-EXT-04: DNS-A-EXT-04 says dns:sip.contoso.com/A"}));
    EXPECT_EQ(about.about("webcon.contoso.com", ""),
              Notes{"FAIL NET-10: NET-10 says plan:webcon.contoso.com/A=10.0.0.4"});
    EXPECT_TRUE(about.about("contoso.com", "").empty());
}

TEST(FindingsAboutNames, AValueKeepsFindingsAboutThatAddressOnly) {
    const std::vector<checks::Finding> findings{
        finding("NET-10", Status::fail, "plan:sip.contoso.com/A=10.0.0.2", {{"ip", "10.0.0.2"}}),
        finding("NET-10", Status::fail, "plan:sip.contoso.com/A=10.0.0.3"),
        finding("DNS-NAME-01", Status::warn, "dns:sip.contoso.com/A"),
    };
    const FindingsAboutNames about(findings);
    // By ip evidence, else by the subject's value; a finding with neither is about every address.
    EXPECT_EQ(about.about("sip.contoso.com", "10.0.0.2"),
              (Notes{"FAIL NET-10: NET-10 says plan:sip.contoso.com/A=10.0.0.2",
                     "WARN DNS-NAME-01: DNS-NAME-01 says dns:sip.contoso.com/A"}));
    EXPECT_EQ(about.about("sip.contoso.com", "10.0.0.3"),
              (Notes{"FAIL NET-10: NET-10 says plan:sip.contoso.com/A=10.0.0.3",
                     "WARN DNS-NAME-01: DNS-NAME-01 says dns:sip.contoso.com/A"}));
}

TEST(FindingsAboutNames, KeepLeavesFindingsOut) {
    const std::vector<checks::Finding> findings{
        finding("CERT-EXT-05", Status::fail, "dns:sip.contoso.com/A"),
        finding("NET-10", Status::fail, "dns:sip.contoso.com/A"),
    };
    const FindingsAboutNames about(
        findings, [](const checks::Finding& f) { return f.check_id.str().rfind("CERT-", 0) != 0; });
    EXPECT_EQ(about.about("sip.contoso.com", ""),
              Notes{"FAIL NET-10: NET-10 says dns:sip.contoso.com/A"});
}

// The name runs to the last '/': a name that holds one (which DNS-NAME-01 reports) still gets its
// notes, and a control character in a message cannot end the comment line.
TEST(FindingsAboutNames, NamesWithSlashesAndMessagesWithLineEnds) {
    std::vector<checks::Finding> findings{
        finding("NET-10", Status::fail, "plan:a/b.contoso.com/A=10.0.0.2"),
    };
    findings[0].message = "line\nbreak";
    const FindingsAboutNames about(findings);
    EXPECT_EQ(about.about("a/b.contoso.com", ""), Notes{"FAIL NET-10: line break"});
    EXPECT_TRUE(about.about("a", "").empty());
}

}  // namespace
}  // namespace edgeplan::report
