// edgeplan plan TOPOLOGY --settings-from DIR, end to end (docs/settings-from.md): the exports
// turn unknown findings into judged ones, give the same findings as the equivalent settings
// file, and a bad folder is exit code 2 naming the file.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/app/support.h"

namespace edgeplan::app_testing {
namespace {

const std::string kCollected = source("samples/lync-collected");
const std::string kMultisite = source("tests/topology/powershell/multisite");

// (check ID, subject) -> "STATUS message [skip reason]" from the JSON report (the text report
// words its subjects for people; the JSON keeps the canonical ones).
std::map<std::pair<std::string, std::string>, std::string> findings(const std::string& json_text) {
    std::map<std::pair<std::string, std::string>, std::string> out;
    const nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
    if (!doc.is_object() || !doc.contains("findings")) return out;
    for (const nlohmann::json& f : doc.at("findings")) {
        std::string status = f.at("status").get<std::string>();
        for (char& c : status) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        std::string result = status + " " + f.at("message").get<std::string>();
        if (f.contains("skip_reason"))
            result += " [" + f.at("skip_reason").get<std::string>() + "]";
        out[{f.at("check_id").get<std::string>(), f.at("subject").get<std::string>()}] = result;
    }
    return out;
}

std::string plan(const TempDir& dir, const std::string& args, int expected_status) {
    const RunResult r = edgeplan(dir, "plan " + args + " --now 2026-11-21 --format json");
    EXPECT_EQ(r.status, expected_status) << r.err;
    return r.out;
}

TEST(SettingsFromCli, UnknownFindingsBecomeJudged) {
    TempDir dir;
    const std::string topology = kCollected + "/topology.xml";
    const auto before =
        findings(plan(dir, "'" + topology + "' --settings '" + kCollected + "/settings.xml'", 0));
    const auto after = findings(plan(dir,
                                     "'" + topology + "' --settings-from '" + kCollected +
                                         "/exports' --settings '" + kCollected + "/settings.xml'",
                                     0));
    ASSERT_FALSE(before.empty());
    // Rules that were unknown (skip unknown_input) and are judged with the exports.
    int moved = 0;
    for (const auto& [key, result] : before) {
        if (result.rfind("SKIP", 0) != 0 || result.find("[unknown_input]") == std::string::npos) {
            continue;
        }
        const auto it = after.find(key);
        if (it != after.end() && it->second.rfind("SKIP", 0) != 0) ++moved;
    }
    // docs/settings-from.md, "What becomes decidable", lists these 21.
    EXPECT_EQ(moved, 21) << "rules judged only with the exports";
    // The certificate stores decide the EKU and key rules Get-CsCertificate leaves open.
    for (const char* id : {"CERT-EXT-09", "CERT-EXT-12"}) {
        const std::pair<std::string, std::string> key{id,
                                                      "cert:edgepool.dmz.corp.example/external"};
        ASSERT_TRUE(after.count(key)) << id;
        EXPECT_EQ(after.at(key).rfind("PASS", 0), 0u) << after.at(key);
    }
    const std::pair<std::string, std::string> cert{"CERT-EXT-02",
                                                   "cert:edgepool.dmz.corp.example/external"};
    ASSERT_TRUE(before.count(cert) && after.count(cert));
    EXPECT_EQ(before.at(cert).rfind("SKIP", 0), 0u) << before.at(cert);
    EXPECT_NE(after.at(cert).rfind("SKIP", 0), 0u) << after.at(cert);
}

TEST(SettingsFromCli, SameFindingsAsTheEquivalentSettingsFile) {
    TempDir dir;
    const std::string topology = "'" + kCollected + "/topology.xml'";
    const RunResult exports = edgeplan(dir, "plan " + topology + " --settings-from '" + kCollected +
                                                "/exports' --settings '" + kCollected +
                                                "/settings.xml' --now 2026-11-21 --format json");
    const RunResult by_hand =
        edgeplan(dir, "plan " + topology + " --settings '" + kCollected +
                          "/equivalent-settings.xml' --now 2026-11-21 --format json");
    EXPECT_EQ(exports.status, by_hand.status) << exports.err << by_hand.err;
    const auto a = findings(exports.out);
    const auto b = findings(by_hand.out);
    ASSERT_FALSE(a.empty());
    for (const auto& [key, result] : a) {
        const auto it = b.find(key);
        if (it == b.end()) {
            ADD_FAILURE() << key.first << " " << key.second << " only with the exports: " << result;
        } else {
            EXPECT_EQ(result, it->second) << key.first << " " << key.second;
        }
    }
    for (const auto& [key, result] : b) {
        if (!a.count(key)) ADD_FAILURE() << key.first << " " << key.second << " only by hand";
    }
}

TEST(SettingsFromCli, ReportListsEveryExportAsAnInput) {
    TempDir dir;
    const RunResult r = edgeplan(dir, "plan '" + kCollected + "/topology.xml' --settings-from '" +
                                          kCollected + "/exports' --format json --now 2026-11-21");
    EXPECT_EQ(r.status, 0) << r.err;  // warnings only
    EXPECT_NE(r.out.find("\"role\": \"settings-from\""), std::string::npos);
    EXPECT_NE(r.out.find("Get-CsAccessEdgeConfiguration.xml"), std::string::npos);
    EXPECT_NE(r.out.find("\"format\": \"powershell-clixml\""), std::string::npos);
}

TEST(SettingsFromCli, AmbiguousFileIsExitTwoNamingIt) {
    TempDir dir;
    const fs::path exports = dir.path() / "exports";
    fs::create_directories(exports);
    write_text(exports / "domains.csv",
               "\"Domain\",\"ProxyFqdn\",\"Comment\"\r\n"
               "\"fabrikam.com\",\"\",\"\"\r\n");
    const RunResult r =
        edgeplan(dir, "plan '" + kCollected + "/topology.xml' --settings-from " + quote(exports));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("domains.csv:1:1: ambiguous export"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST(SettingsFromCli, NotADirectoryIsExitTwo) {
    TempDir dir;
    const RunResult r = edgeplan(dir, "plan '" + kCollected + "/topology.xml' --settings-from '" +
                                          kCollected + "/settings.xml'");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("needs a directory"), std::string::npos) << r.err;
}

// A Lync Server 2013 topology with an Edge pool in each of two sites, each with its external
// 5061: FED-01 used to fail ("2 Edge pools enable federation"). The route is a site property,
// so without Get-CsSite it cannot be decided, and with it each site passes.
TEST(SettingsFromCli, MultiSiteFederationIsDecidedPerSite) {
    TempDir dir;
    const std::string topology = "'" + kMultisite + "/topology.xml'";
    const auto without =
        findings(edgeplan(dir, "plan " + topology + " --now 2026-11-21 --format json").out);
    ASSERT_TRUE(without.count({"FED-01", "topology"}));
    EXPECT_EQ(without.at({"FED-01", "topology"}).rfind("SKIP", 0), 0u)
        << without.at({"FED-01", "topology"});
    EXPECT_NE(without.at({"FED-01", "topology"}).find("Get-CsSite"), std::string::npos);

    const auto with =
        findings(edgeplan(dir, "plan " + topology + " --settings-from '" + kMultisite +
                                   "/exports' --now 2026-11-21 --format json")
                     .out);
    ASSERT_TRUE(with.count({"FED-01", "site:1"}) && with.count({"FED-01", "site:2"}));
    EXPECT_EQ(with.at({"FED-01", "site:1"}).rfind("PASS", 0), 0u) << with.at({"FED-01", "site:1"});
    EXPECT_EQ(with.at({"FED-01", "site:2"}).rfind("PASS", 0), 0u) << with.at({"FED-01", "site:2"});
    EXPECT_FALSE(with.count({"FED-01", "topology"}));
}

// PORT-AV-02: the Lync topology states the default media range (pass); a later folder's
// Get-CsService -EdgeServer export with a changed range (40000-59999) makes it a warning, the
// planned A/V media rule X9 follows the export, and the finding cites the export's row.
TEST(SettingsFromCli, ChangedMediaRangeWarnsCitingTheExport) {
    TempDir dir;
    const std::string topology = "'" + kCollected + "/topology.xml'";
    const std::string media = source("tests/topology/powershell/media-range/exports");
    const std::pair<std::string, std::string> key{"PORT-AV-02", "pool:edgepool.dmz.corp.example"};
    const auto without =
        findings(edgeplan(dir, "plan " + topology + " --now 2026-11-21 --format json").out);
    ASSERT_TRUE(without.count(key));
    EXPECT_EQ(without.at(key).rfind("PASS", 0), 0u) << without.at(key);

    // The collected exports enable federation (X9); the later folder's Edge service overrides.
    const RunResult r = edgeplan(dir, "plan " + topology + " --settings-from '" + kCollected +
                                          "/exports' --settings-from '" + media +
                                          "' --now 2026-11-21 --format json");
    const nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << r.err;
    const nlohmann::json* finding = nullptr;
    for (const nlohmann::json& f : doc.at("findings")) {
        if (f.at("check_id") == key.first && f.at("subject") == key.second) finding = &f;
    }
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->at("status"), "warn") << finding->dump();
    std::multimap<std::string, std::string> evidence;
    for (const nlohmann::json& e : finding->at("evidence")) {
        evidence.emplace(e.at("key").get<std::string>(), e.at("value").get<std::string>());
    }
    EXPECT_EQ(evidence.find("observed")->second, "40000-59999");
    EXPECT_EQ(evidence.find("expected")->second, "50000-59999");
    ASSERT_TRUE(evidence.count("source"));
    EXPECT_NE(evidence.find("source")->second.find("Get-CsService-EdgeServer.csv:3:"),
              std::string::npos)
        << evidence.find("source")->second;
    ASSERT_TRUE(evidence.count("row"));
    EXPECT_EQ(evidence.find("port")->second, "40000-59999");
    EXPECT_FALSE(evidence.count("unexpected"));
}

// diff: --settings-from for NEW (and OLD), --old-settings-from for OLD, as --settings and
// --old-settings. The same topology with the three external usages on three certificates
// (OLD) and on one (NEW, the collected exports): CERT-EXT-14 is resolved, and both folders
// are inputs of the diff.
TEST(SettingsFromCli, DiffReadsEachSidesExports) {
    TempDir dir;
    const std::string topology = "'" + kCollected + "/topology.xml'";
    const std::string differ = source("tests/topology/powershell/certificate-usages/differ-csv");
    const RunResult r = edgeplan(dir, "diff " + topology + " " + topology + " --settings-from '" +
                                          kCollected + "/exports' --old-settings-from '" + differ +
                                          "' --now 2026-11-21 --format json");
    EXPECT_EQ(r.status, 0) << r.err;  // nothing new fails
    const nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << r.out << r.err;
    bool resolved = false;
    for (const nlohmann::json& f : doc.at("findings").at("resolved")) {
        if (f.at("check_id") == "CERT-EXT-14" &&
            f.at("subject") == "cert:edgepool.dmz.corp.example/external") {
            resolved = f.at("before") == "fail" && f.at("after") == "pass";
        }
    }
    EXPECT_TRUE(resolved) << doc.at("findings").dump();
    std::set<std::string> roles;
    for (const nlohmann::json& input : doc.at("inputs")) {
        const std::string role = input.at("role").get<std::string>();
        const std::string path = input.at("path").get<std::string>();
        roles.insert(role);
        if (role == "old-settings-from") {
            EXPECT_NE(path.find("differ-csv"), std::string::npos);
        }
        if (role == "new-settings-from") {
            EXPECT_NE(path.find("exports"), std::string::npos);
        }
    }
    EXPECT_TRUE(roles.count("old-settings-from") && roles.count("new-settings-from"));

    // Without --old-settings-from, OLD reads NEW's folders: nothing changes.
    const RunResult same =
        edgeplan(dir, "diff " + topology + " " + topology + " --settings-from '" + kCollected +
                          "/exports' --now 2026-11-21 --format json");
    EXPECT_EQ(same.status, 0) << same.err;
    const nlohmann::json unchanged = nlohmann::json::parse(same.out, nullptr, false);
    ASSERT_TRUE(unchanged.is_object());
    EXPECT_TRUE(unchanged.at("findings").at("new").empty());
    EXPECT_TRUE(unchanged.at("findings").at("resolved").empty());
}

}  // namespace
}  // namespace edgeplan::app_testing
