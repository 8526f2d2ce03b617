// "Each unknown finding names the cmdlet that would answer it, and the settings XML snippet
// that states it by hand" (docs/settings-from.md, "Which cmdlet answers an unknown"): a Lync
// topology planned without settings leaves every CMS setting unknown; each such finding must
// name a cmdlet the collector (tools/Collect-EdgeplanInputs.ps1) runs.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "tests/app/support.h"

namespace edgeplan::app_testing {
namespace {

// Every Get-Cs cmdlet the collector script runs (its code lines, not its comments).
std::set<std::string> collector_cmdlets() {
    std::ifstream in(source("tools/Collect-EdgeplanInputs.ps1"));
    std::set<std::string> out;
    // Get-CsService runs with -EdgeServer, and the setting table names it so; the certificate
    // store is read with Get-ChildItem on its drive path.
    const std::regex cmdlet(
        R"(Get-Cs[A-Za-z]+( -EdgeServer)?|Get-ChildItem Cert:\\LocalMachine\\My)");
    std::string line;
    bool in_help = false;
    while (std::getline(in, line)) {
        if (line.find("<#") != std::string::npos) in_help = true;
        if (in_help) {
            if (line.find("#>") != std::string::npos) in_help = false;
            continue;
        }
        const std::size_t code = line.find_first_not_of(" \t");
        if (code == std::string::npos || line[code] == '#') continue;
        for (std::sregex_iterator it(line.begin(), line.end(), cmdlet), end; it != end; ++it) {
            out.insert(it->str());
        }
    }
    return out;
}

// Unknowns that are not a missing setting, so no Get-Cs cmdlet answers them
// (docs/settings-from.md, "Which cmdlet answers an unknown"): the public NAT addresses (LB-12, a
// topology fact: Get-CsTopology is the TOPOLOGY argument itself, completed by --settings), a
// partner's server version (FED-09) and the expected load (TOPO-09). A certificate's EKUs and
// key exportability come from each Edge's certificate store (Get-ChildItem Cert:\LocalMachine\My),
// and without any certificate those rules name Get-CsCertificate like the others.
const std::set<std::string> kNotASetting{"LB-12", "FED-09", "TOPO-09"};

// Checks every unknown_input finding of a `plan --format json` run; returns the cmdlets named.
std::set<std::string> check_unknowns(const RunResult& r, const std::set<std::string>& collected,
                                     int& unknowns) {
    const nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_TRUE(doc.is_object()) << r.err;
    std::set<std::string> named;  // cmdlets the unknowns named
    if (!doc.is_object()) return named;
    for (const nlohmann::json& f : doc.at("findings")) {
        if (f.value("skip_reason", "") != "unknown_input") continue;
        const std::string id = f.at("check_id").get<std::string>();
        if (kNotASetting.count(id)) {
            // No cmdlet, but still how to state it by hand (TOPO-09 has no input: the planner's
            // expected load is outside the model).
            if (id == "TOPO-09") continue;
            bool has_xml = false;
            for (const nlohmann::json& e : f.value("evidence", nlohmann::json::array())) {
                if (e.at("key") != "settings_xml") continue;
                has_xml = true;
                EXPECT_NE(f.at("message").get<std::string>().find(e.at("value").get<std::string>()),
                          std::string::npos)
                    << f.dump();
            }
            EXPECT_TRUE(has_xml) << "says not how to state it: " << f.dump();
            continue;
        }
        ++unknowns;
        SCOPED_TRACE(id + " " + f.at("subject").get<std::string>());
        std::string cmdlet;
        std::string snippet;
        for (const nlohmann::json& e : f.value("evidence", nlohmann::json::array())) {
            if (e.at("key") == "cmdlet") cmdlet = e.at("value").get<std::string>();
            if (e.at("key") == "settings_xml") snippet = e.at("value").get<std::string>();
        }
        EXPECT_TRUE(collected.count(cmdlet)) << "names no collected cmdlet: " << f.dump();
        EXPECT_EQ(snippet.rfind('<', 0), 0u) << "no settings XML: " << f.dump();
        EXPECT_EQ(snippet.find("\"USE\""), std::string::npos) << snippet;
        const std::string message = f.at("message").get<std::string>();
        EXPECT_NE(message.find(cmdlet), std::string::npos) << message;
        EXPECT_NE(message.find(snippet), std::string::npos) << message;
        named.insert(cmdlet);
    }
    return named;
}

TEST(UnknownCmdlets, EveryMissingSettingNamesACollectedCmdlet) {
    const std::set<std::string> collected = collector_cmdlets();
    ASSERT_TRUE(collected.count("Get-CsAccessEdgeConfiguration")) << "collector not parsed";
    TempDir dir;
    const RunResult r = edgeplan(dir, "plan '" + source("samples/lync-collected/topology.xml") +
                                          "' --now 2026-11-21 --format json");
    int unknowns = 0;
    const std::set<std::string> named = check_unknowns(r, collected, unknowns);
    // The Lync topology states none of the CMS settings: federation, policies and certificate
    // usages are all unknown here, so the test sees the table at work.
    EXPECT_GE(unknowns, 5);
    for (const char* cmdlet :
         {"Get-CsAccessEdgeConfiguration", "Get-CsExternalAccessPolicy", "Get-CsCertificate"}) {
        EXPECT_TRUE(named.count(cmdlet)) << cmdlet << " named by no unknown finding";
    }
}

// With Get-CsCertificate collected but no certificate store, the EKU and key exportability
// rules are the unknowns, and they name the store read the collector runs on each Edge.
TEST(UnknownCmdlets, CertificateKeyFactsNameTheStoreRead) {
    const std::set<std::string> collected = collector_cmdlets();
    ASSERT_TRUE(collected.count("Get-ChildItem Cert:\\LocalMachine\\My"))
        << "store read not collected";
    TempDir dir;
    const std::filesystem::path exports = dir.path() / "exports";
    std::filesystem::create_directories(exports);
    for (const auto& entry :
         std::filesystem::directory_iterator(source("samples/lync-collected/exports"))) {
        if (entry.path().filename().string().rfind("CertStore.", 0) == 0) continue;
        std::filesystem::copy_file(entry.path(), exports / entry.path().filename());
    }
    const RunResult r =
        edgeplan(dir, "plan '" + source("samples/lync-collected/topology.xml") + "' --settings '" +
                          source("samples/lync-collected/settings.xml") + "' --settings-from '" +
                          exports.string() + "' --now 2026-11-21 --format json");
    int unknowns = 0;
    const std::set<std::string> named = check_unknowns(r, collected, unknowns);
    EXPECT_TRUE(named.count("Get-ChildItem Cert:\\LocalMachine\\My"));
    EXPECT_NE(r.out.find("use=\\\"internal\\\" serverEku"), std::string::npos)
        << "CERT-INT-04's snippet names the internal certificate";
}

}  // namespace
}  // namespace edgeplan::app_testing
