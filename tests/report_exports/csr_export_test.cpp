// --emit-csr round trip: openssl builds a request from each generated config, and the request
// carries exactly the planned subject, SANs and EKUs; the certreq INF states the same.
#include <regex>
#include <set>

#include "report/atomic_file.h"
#include "report/exports.h"
#include "tests/plan/plan_views.h"
#include "tests/report_exports/export_fixture.h"
#include "tests/support/required.h"

namespace edgeplan::testing {
namespace {

std::set<std::string> split_list(const std::string& text, const std::string& prefix) {
    std::set<std::string> out;
    std::istringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        const std::size_t start = item.find_first_not_of(' ');
        if (start == std::string::npos) continue;
        item = item.substr(start);
        if (item.rfind(prefix, 0) == 0) item = item.substr(prefix.size());
        out.insert(item);
    }
    return out;
}

// The line after `header` in `openssl req -text` output.
std::string line_after(const std::string& text, const std::string& header) {
    const std::size_t at = text.find(header);
    if (at == std::string::npos) return {};
    const std::size_t start = text.find('\n', at) + 1;
    return text.substr(start, text.find('\n', start) - start);
}

std::set<std::string> eku_names(const topology::CertificateRequest& c) {
    std::set<std::string> out;
    for (auto eku : c.ekus) {
        out.insert(eku == topology::ExtendedKeyUsage::server_auth
                       ? "TLS Web Server Authentication"
                       : "TLS Web Client Authentication");
    }
    return out;
}

struct CsrCase {
    const char* name;
    Layout layout;
    bool aol;  // adds the client EKU (CERT-EXT-10)
};

class CsrExport : public ::testing::TestWithParam<CsrCase> {};

TEST_P(CsrExport, PassRequestsCarryThePlannedNames) {
    if (!have_tool("openssl")) EDGEPLAN_REQUIRED_MISSING() << "openssl missing";
    topology::Model model = reference_model(GetParam().layout);
    if (GetParam().aol) {
        topology::PublicProvider aol;
        aol.kind = topology::PublicProviderKind::aol;
        aol.enabled = true;
        model.federation.public_providers.push_back(aol);
    }
    const topology::Plan plan = topology::derive_plan(model);
    ScratchDir dir;
    const std::vector<std::string> files = report::write_csr_files(plan, dir.path());
    ASSERT_EQ(files.size(), 2 * plan.certificates.size());
    for (const auto& c : plan.certificates) {
        const std::string stem = dir.path() + "/" + c.pool_id + "-" + topology::to_string(c.use);
        const CommandResult made = run_command("openssl req -new -config " + stem +
                                               ".cnf -newkey rsa:2048 -nodes -keyout " + stem +
                                               ".key -out " + stem + ".csr");
        ASSERT_EQ(made.status, 0) << made.output;
        const CommandResult shown = run_command("openssl req -in " + stem + ".csr -noout -text");
        ASSERT_EQ(shown.status, 0) << shown.output;
        const std::string& text = shown.output;
        EXPECT_NE(text.find("Subject: CN = " + c.subject + "\n"), std::string::npos) << text;
        EXPECT_NE(text.find("Public-Key: (2048 bit)"), std::string::npos);
        EXPECT_EQ(split_list(line_after(text, "X509v3 Subject Alternative Name"), "DNS:"),
                  as_set(c.sans))
            << text;
        EXPECT_EQ(split_list(line_after(text, "X509v3 Extended Key Usage"), ""), eku_names(c))
            << text;

        const std::string inf = read_text(stem + ".inf");
        EXPECT_NE(inf.find("Subject = \"CN=" + c.subject + "\"\r\n"), std::string::npos) << inf;
        EXPECT_NE(inf.find(std::string("Exportable = ") + (c.exportable_key ? "TRUE" : "FALSE")),
                  std::string::npos);
        EXPECT_NE(inf.find("MachineKeySet = TRUE"), std::string::npos);
        EXPECT_NE(inf.find("KeyLength = 2048"), std::string::npos);
        std::set<std::string> oids;
        const std::regex oid("OID=([0-9.]+)\r");
        for (auto it = std::sregex_iterator(inf.begin(), inf.end(), oid);
             it != std::sregex_iterator(); ++it) {
            oids.insert((*it)[1]);
        }
        EXPECT_EQ(oids.size(), c.ekus.size()) << inf;
        std::smatch san;
        if (c.sans.empty()) {
            EXPECT_EQ(inf.find("2.5.29.17"), std::string::npos);
        } else {
            ASSERT_TRUE(std::regex_search(inf, san,
                                          std::regex("2\\.5\\.29\\.17 = \"\\{text\\}([^\"]*)\"")));
            std::set<std::string> names;
            std::istringstream parts(san[1].str());
            std::string part;
            while (std::getline(parts, part, '&')) names.insert(part.substr(part.find('=') + 1));
            EXPECT_EQ(names, as_set(c.sans));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Layouts, CsrExport,
                         ::testing::Values(CsrCase{"pass_S4_contoso", Layout::s4, false},
                                           CsrCase{"pass_S1_with_aol_client_eku", Layout::s1,
                                                   true}),
                         [](const ::testing::TestParamInfo<CsrCase>& p) { return p.param.name; });

// contoso-docs federates over XMPP: CERT-XMPP-03 asks for xmpp.contoso.com, so the request
// carries it (issue 9: applying the CSR must not reproduce the warning).
TEST(CsrExportNotes, PassRequestCarriesEveryNameThePlanChecksAskFor) {
    ScratchDir dir;
    const CommandResult run =
        run_command(std::string(EDGEPLAN_BINARY) + " plan '" + EDGEPLAN_SOURCE_DIR +
                    "/samples/contoso-docs/topology.xml' --quiet --emit-csr " + dir.path());
    ASSERT_NE(run.status, 2) << run.output;
    const std::string cnf = read_text(dir.path() + "/edgepool-external.cnf");
    EXPECT_NE(cnf.find(" = xmpp.contoso.com\n"), std::string::npos) << cnf;
    EXPECT_NE(read_text(dir.path() + "/edgepool-external.inf").find("dns=xmpp.contoso.com"),
              std::string::npos);
}

TEST(CsrExportNotes, NamesAFindingJudgesAndUnknownsGetComments) {
    if (!have_tool("openssl")) EDGEPLAN_REQUIRED_MISSING() << "openssl missing";
    topology::Plan plan;
    topology::CertificateRequest c;
    c.pool_id = "edgepool";
    c.subject = "sip.contoso.com";
    c.sans = {"sip.contoso.com", "webcon.contoso.com"};
    c.ekus = {topology::ExtendedKeyUsage::server_auth};
    plan.certificates = {c};
    plan.unknowns = {{"Web Conferencing Edge external FQDN of Edge pool edgepool",
                      "CERT-EXT-04",
                      "pool:edgepool",
                      {}}};
    checks::Finding net10;
    net10.check_id = "NET-10";
    net10.status = checks::Status::fail;
    net10.subject = "plan:webcon.contoso.com/A=10.0.0.4";
    net10.message = "webcon.contoso.com would publish private address 10.0.0.4";
    ScratchDir dir;
    report::write_csr_files(plan, dir.path(), {net10});
    const std::string stem = dir.path() + "/edgepool-external";
    const std::string cnf = read_text(stem + ".cnf");
    EXPECT_NE(cnf.find("# FAIL NET-10: webcon.contoso.com would publish private address "
                       "10.0.0.4\nDNS.2 = webcon.contoso.com\n"),
              std::string::npos)
        << cnf;
    EXPECT_NE(cnf.find("# UNKNOWN (CERT-EXT-04): Web Conferencing Edge external FQDN"),
              std::string::npos)
        << cnf;
    const std::string inf = read_text(stem + ".inf");
    EXPECT_NE(inf.find("; webcon.contoso.com: FAIL NET-10"), std::string::npos) << inf;
    const CommandResult made =
        run_command("openssl req -new -config " + stem + ".cnf -newkey rsa:2048 -nodes -keyout " +
                    stem + ".key -out " + stem + ".csr");
    EXPECT_EQ(made.status, 0) << made.output << cnf;
}

TEST(CsrExportInvalid, FailsOnANameThatWouldInjectConfiguration) {
    topology::Plan plan;
    topology::CertificateRequest c;
    c.pool_id = "edgepool";
    c.subject = "sip.contoso.com\nCN = evil";
    plan.certificates = {c};
    ScratchDir dir;
    EXPECT_THROW(report::write_csr_files(plan, dir.path()), report::OutputError);
    EXPECT_FALSE(std::filesystem::exists(dir.path() + "/edgepool-external.cnf"));
}

}  // namespace
}  // namespace edgeplan::testing
