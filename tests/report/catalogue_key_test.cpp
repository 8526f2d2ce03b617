// An offline and a live check may share a catalogue ID (CERT-EXT-16 judges a certificate file
// offline and a TLS chain live). The report keeps one catalogue entry per (ID, kind), so each
// finding renders with the metadata of the check that produced it.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "report/renderers.h"
#include "report/report.h"

namespace edgeplan::report {
namespace {

checks::CheckInfo info(checks::CheckKind kind, const std::string& title, const std::string& fix) {
    return {"CERT-EXT-16",        title, "certificates", kind, checks::Severity::should, {"S1"},
            {{"CR-EXT", "page"}}, fix};
}

Report two_kinds() {
    Report r;
    r.command = "check";
    const checks::CheckInfo offline = info(checks::CheckKind::offline, "file rule", "renew file");
    const checks::CheckInfo live = info(checks::CheckKind::tls, "live rule", "renew endpoint");
    r.catalogue[catalogue_key(offline)] = offline;
    r.catalogue[catalogue_key(live)] = live;
    r.findings.push_back(
        checks::make_finding(offline, checks::Status::fail, "file:edge.pem", "expired", {}, {}));
    r.findings.push_back(checks::make_finding(live, checks::Status::fail, "tls:198.51.100.10:443",
                                              "expired", {}, {}));
    return r;
}

TEST(CatalogueKey, OfflineAndLiveFindingsOfOneIdRenderTheirOwnKind) {
    const Report r = two_kinds();
    ASSERT_EQ(r.catalogue.size(), 2u);
    const nlohmann::json j = to_json(r);
    ASSERT_EQ(j["findings"].size(), 2u);
    for (const nlohmann::json& f : j["findings"]) {
        EXPECT_EQ(f["check_id"], "CERT-EXT-16");
        const bool file = f["subject"] == "file:edge.pem";
        EXPECT_EQ(f["kind"], file ? "offline" : "tls") << f["subject"];
        EXPECT_EQ(f["title"], file ? "file rule" : "live rule");
        EXPECT_EQ(f["remediation"], file ? "renew file" : "renew endpoint");
    }
}

TEST(CatalogueKey, AFindingOfAnUnlistedKindFallsBackToTheIdsFirstEntry) {
    Report r = two_kinds();
    checks::Finding read_back = r.findings[1];
    read_back.kind = checks::CheckKind::dns;  // no such entry
    const checks::CheckInfo* found = r.info_for(read_back);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->kind, checks::CheckKind::offline);
    read_back.check_id = "CERT-EXT-17";
    EXPECT_EQ(r.info_for(read_back), nullptr);
}

TEST(CatalogueKey, TheSecondEntryOfAnIdGetsItsOwnHtmlAnchor) {
    const Report r = two_kinds();
    EXPECT_EQ(r.anchor_id(r.catalogue.begin()->second), "CERT-EXT-16");
    EXPECT_EQ(r.anchor_id(std::next(r.catalogue.begin())->second), "CERT-EXT-16-tls");
}

}  // namespace
}  // namespace edgeplan::report
