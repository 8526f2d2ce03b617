// Certificate files before installation, through the binary: `edgeplan plan --cert
// POOL:USE=FILE` (PEM, DER, PKCS#12 legacy with --cert-password-env) and the file a topology
// names, judged by the same rules as a live chain (subject file:PATH); unreadable files are
// input errors (exit 2). Chains are generated at test time (tests/certificates/test_pki.h).
#include <gtest/gtest.h>

#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "tests/certificates/test_pki.h"
#include "tests/probes/test_support.h"

namespace edgeplan::checks::certificates {
namespace {

namespace fs = std::filesystem;

const char* kTopology = R"(<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="urn:edgeplan:topology:1" name="files">
  <SipDomains><SipDomain name="contoso.com" default="true"/></SipDomains>
  <Sites>
    <Site id="hq" name="HQ">
      <FrontEndPool id="pool01" fqdn="pool01.contoso.net" edgePool="edge">
        <Server fqdn="fe01.contoso.net" ip="10.0.30.21"/>
      </FrontEndPool>
      <EdgePool id="edge" internalFqdn="edge01.contoso.net" nextHop="pool01">
        <External>
          <Access fqdn="sip.contoso.com"/>
          <WebConferencing fqdn="webcon.contoso.com"/>
          <AudioVideo fqdn="av.contoso.com"/>
        </External>
        <Member internalFqdn="edge01.contoso.net" internalIp="10.0.30.11">
          <Address service="access" ip="203.0.113.11"/>
          <Address service="webconf" ip="203.0.113.21"/>
          <Address service="av" ip="203.0.113.31"/>
        </Member>
        CERTIFICATE
      </EdgePool>
    </Site>
  </Sites>
</Topology>
)";

class CertificateFileCommand : public ::testing::Test {
  protected:
    void SetUp() override {
        pki_test::CertSpec root;
        root.cn = "files root";
        root.ca = true;
        ca_ = pki_test::issue(root);
        pki_test::CertSpec good;
        good.cn = "sip.contoso.com";
        good.sans = {"sip.contoso.com", "webcon.contoso.com"};
        const auto leaf = pki_test::issue(good, &ca_);
        pki_test::CertSpec bad = good;
        bad.sans = {"sip.contoso.com"};  // no Web Conferencing FQDN: CERT-EXT-04 fails
        const auto wrong = pki_test::issue(bad, &ca_);
        write("ca.pem", pki_test::pem_of(ca_.cert));
        write("good.pem", pki_test::pem_of(leaf.cert) + pki_test::pem_of(ca_.cert));
        write("good.key", pki_test::key_pem_of(leaf.key));
        const auto der = pki_test::der_of(leaf.cert);
        write("good.der", std::string(der.begin(), der.end()));
        write("bad.pem", pki_test::pem_of(wrong.cert));
        fs::create_directories(dir_.path() / "certs");
        write("certs/edge.pem", pki_test::pem_of(leaf.cert));
        ::setenv("EDGEPLAN_TEST_EDGE_PFX", "s3cret", 1);
        // Legacy RC2/3DES PKCS#12 as Windows exports it.
        pfx_ok_ = probes_test::run_command(
                      {"openssl", "pkcs12", "-export", "-legacy", "-in", path("good.pem"), "-inkey",
                       path("good.key"), "-out", path("good.pfx"), "-passout", "pass:s3cret"},
                      dir_.path() / "pfx.log") == 0;
        topology("");
    }

    std::string path(const std::string& name) const { return (dir_.path() / name).string(); }
    void write(const std::string& name, const std::string& text) {
        pki_test::write_text(dir_.path() / name, text);
    }
    void topology(const std::string& certificate) {
        std::string text = kTopology;
        text.replace(text.find("CERTIFICATE"), 11, certificate);
        write("topology.xml", text);
    }

    // Runs `edgeplan plan` with JSON written to a file; returns the exit code.
    int plan(std::vector<std::string> extra) {
        std::vector<std::string> argv{
            EDGEPLAN_BINARY, "plan",         path("topology.xml"), "-q",
            "--ca-file",     path("ca.pem"), "--output",           "json=" + path("report.json")};
        // No --now: the chains are made at the current time, which is the run's clock too.
        argv.insert(argv.end(), extra.begin(), extra.end());
        fs::remove(dir_.path() / "report.json");
        return probes_test::run_command(argv, dir_.path() / "plan.log");
    }

    std::string status_of(const std::string& id, const std::string& subject) {
        const auto report =
            nlohmann::json::parse(probes_test::read_file(dir_.path() / "report.json"));
        for (const auto& f : report.at("findings")) {
            if (f.at("check_id") == id && f.at("subject") == subject) return f.at("status");
        }
        return "(none)";
    }

    std::string log() { return probes_test::read_file(dir_.path() / "plan.log"); }

    probes_test::TempDir dir_;
    pki_test::Issued ca_;
    bool pfx_ok_ = false;
};

TEST_F(CertificateFileCommand, PassPemChainJudgedByTheRules) {
    const std::string file = path("good.pem");
    ASSERT_NE(plan({"--cert", "edge:external=" + file}), 2) << log();
    EXPECT_EQ(status_of("CERT-EXT-01", "file:" + file), "pass");
    EXPECT_EQ(status_of("CERT-EXT-03", "file:" + file), "pass");
    EXPECT_EQ(status_of("CERT-EXT-04", "file:" + file), "pass");
    EXPECT_EQ(status_of("CERT-EXT-16", "file:" + file), "pass");
    EXPECT_EQ(status_of("CERT-EXT-20", "file:" + file), "pass");
    EXPECT_EQ(status_of("CERT-EXT-21", "file:" + file), "pass");
}

TEST_F(CertificateFileCommand, PassDerFile) {
    const std::string file = path("good.der");
    ASSERT_NE(plan({"--cert", "edge:external=" + file}), 2) << log();
    EXPECT_EQ(status_of("CERT-EXT-05", "file:" + file), "pass");
    EXPECT_EQ(status_of("CERT-EXT-09", "file:" + file), "pass");
}

TEST_F(CertificateFileCommand, PassLegacyPkcs12WithPasswordFromEnvironment) {
    ASSERT_TRUE(pfx_ok_) << probes_test::read_file(dir_.path() / "pfx.log");
    const std::string file = path("good.pfx");
    ASSERT_NE(
        plan({"--cert", "edge:external=" + file, "--cert-password-env", "EDGEPLAN_TEST_EDGE_PFX"}),
        2)
        << log();
    EXPECT_EQ(status_of("CERT-EXT-04", "file:" + file), "pass");
    EXPECT_EQ(status_of("CERT-EXT-01", "file:" + file), "pass");
}

TEST_F(CertificateFileCommand, FailFileWithoutWebConferencingName) {
    const std::string file = path("bad.pem");
    EXPECT_EQ(plan({"--cert", "edge:external=" + file}), 1) << log();
    EXPECT_EQ(status_of("CERT-EXT-04", "file:" + file), "fail");
}

TEST_F(CertificateFileCommand, FailUntrustedWithoutTheTestCa) {
    const std::string file = path("good.pem");
    std::vector<std::string> argv{EDGEPLAN_BINARY,
                                  "plan",
                                  path("topology.xml"),
                                  "-q",
                                  "--output",
                                  "json=" + path("report.json"),
                                  "--cert",
                                  "edge:external=" + file};
    ASSERT_EQ(probes_test::run_command(argv, dir_.path() / "plan.log"), 1) << log();
    EXPECT_EQ(status_of("CERT-EXT-01", "file:" + file), "fail");
}

TEST_F(CertificateFileCommand, PassTopologyFileRelativeToTheTopology) {
    topology(R"(<Certificate use="external" file="certs/edge.pem"/>)");
    ASSERT_NE(plan({}), 2) << log();
    EXPECT_EQ(status_of("CERT-EXT-03", "file:certs/edge.pem"), "pass");
    // The planned check no longer says the file needs the certificate probe.
    EXPECT_EQ(status_of("CERT-EXT-03", "cert:edge/external"), "(none)");
}

struct InputErrorRow {
    const char* name;
    std::vector<std::string> arguments;  // FILE stands for the test folder
    const char* message;
};

TEST_F(CertificateFileCommand, InputErrorsExitTwo) {
    const InputErrorRow rows[] = {
        {"error - missing file", {"--cert", "edge:external=FILE/missing.pem"}, "missing.pem"},
        {"error - wrong password",
         {"--cert", "edge:external=FILE/good.pfx", "--cert-password-env", "EDGEPLAN_TEST_NOPE"},
         "good.pfx"},
        {"error - malformed --cert", {"--cert", "edge=FILE/good.pem"}, "POOL:USE=FILE"},
        {"error - unknown use", {"--cert", "edge:dmz=FILE/good.pem"}, "external or internal"},
        {"error - unknown pool", {"--cert", "nope:external=FILE/good.pem"}, "no Edge pool"},
    };
    ::setenv("EDGEPLAN_TEST_NOPE", "wrong", 1);
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        std::vector<std::string> args;
        for (std::string a : row.arguments) {
            const auto at = a.find("FILE");
            if (at != std::string::npos) a.replace(at, 4, dir_.path().string());
            args.push_back(a);
        }
        EXPECT_EQ(plan(args), 2);
        EXPECT_NE(log().find(row.message), std::string::npos) << log();
    }
}

}  // namespace
}  // namespace edgeplan::checks::certificates
