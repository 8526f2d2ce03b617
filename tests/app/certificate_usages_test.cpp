// CERT-EXT-14 / CERT-EXT-15 judged from Get-CsCertificate exports read by --settings-from
// (docs/checks/CERT-EXT-14.md): CLIXML and CSV folders where the three external usages share
// one thumbprint pass, folders where they differ fail and cite the export record.
#include <nlohmann/json.hpp>

#include "tests/app/support.h"

namespace edgeplan::app_testing {
namespace {

const std::string kTopology = source("samples/lync-collected/topology.xml");
const std::string kFixtures = source("tests/topology/powershell/certificate-usages");
const std::string kSubject = "cert:edgepool.dmz.corp.example/external";

nlohmann::json finding(const std::string& json_text, const std::string& id) {
    const nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_object() && doc.contains("findings")) {
        for (const nlohmann::json& f : doc.at("findings")) {
            if (f.at("check_id") == id && f.at("subject") == kSubject) return f;
        }
    }
    return nullptr;
}

struct Case {
    const char* folder;
    const char* cert_ext_14;  // expected status
    const char* cert_ext_15;
    const char* extension;  // of the export that a failing finding cites
};

TEST(CertificateUsagesCli, JudgedFromTheExports) {
    for (const Case& c :
         {Case{"shared-clixml", "pass", "pass", ".xml"}, Case{"shared-csv", "pass", "pass", ".csv"},
          Case{"differ-clixml", "fail", "pass", ".xml"},
          Case{"differ-csv", "fail", "pass", ".csv"}}) {
        SCOPED_TRACE(c.folder);
        TempDir dir;
        const RunResult r = edgeplan(dir, "plan '" + kTopology + "' --settings-from '" + kFixtures +
                                              "/" + c.folder + "' --now 2026-11-21 --format json");
        // Judged (0 or 1): the CSV exports carry no SAN list (Export-Csv writes a list as its
        // type name), so the SAN rules fail there whatever the usages.
        ASSERT_TRUE(r.status == 0 || r.status == 1) << r.err;
        if (std::string(c.cert_ext_14) == "fail") {
            EXPECT_EQ(r.status, 1);
        }
        const nlohmann::json usages = finding(r.out, "CERT-EXT-14");
        ASSERT_TRUE(usages.is_object()) << r.out;
        EXPECT_EQ(usages.at("status"), c.cert_ext_14) << usages.dump();
        // The finding cites the Get-CsCertificate record, file and line, like a topology fact.
        const std::string file = usages.at("location").at("file").get<std::string>();
        EXPECT_NE(file.find("Get-CsCertificate.edge01.dmz.corp.example"), std::string::npos)
            << file;
        EXPECT_NE(file.find(c.extension), std::string::npos) << file;
        EXPECT_GT(usages.at("location").at("line").get<int>(), 1);
        if (std::string(c.cert_ext_14) == "fail") {
            // AccessEdgeExternal and DataEdgeExternal carry different thumbprints.
            EXPECT_NE(usages.at("message").get<std::string>().find("on DataEdgeExternal"),
                      std::string::npos)
                << usages.dump();
        }
        const nlohmann::json av = finding(r.out, "CERT-EXT-15");
        ASSERT_TRUE(av.is_object()) << r.out;
        // differ-*: the A/V certificate is separate but the same on both servers.
        EXPECT_EQ(av.at("status"), c.cert_ext_15) << av.dump();
    }
}

TEST(CertificateUsagesCli, UnknownWithoutTheExports) {
    TempDir dir;
    const RunResult r = edgeplan(dir, "plan '" + kTopology + "' --now 2026-11-21 --format json");
    const nlohmann::json usages = finding(r.out, "CERT-EXT-14");
    ASSERT_TRUE(usages.is_object()) << r.out;
    EXPECT_EQ(usages.at("status"), "skip");
    EXPECT_EQ(usages.at("skip_reason"), "unknown_input");
    EXPECT_NE(usages.at("message").get<std::string>().find("Get-CsCertificate"), std::string::npos);
}

}  // namespace
}  // namespace edgeplan::app_testing
