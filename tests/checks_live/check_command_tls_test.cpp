// `edgeplan check` against real TLS servers: `openssl s_server` on 127.0.0.x presents
// certificates issued by a test CA from the CSR configs `edgeplan plan --emit-csr` writes
// (openssl req -new -config <cnf>; openssl x509 -req -CA ...). The Access Edge presents the
// planned certificate and passes; the Web Conferencing Edge presents one whose SAN lacks its
// FQDN and fails CERT-EXT-04. s_server is no SIP server, so PORT-EXT-15 fails. Inside a network
// namespace with only lo up when root (ports 443), else on free loopback ports.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/probes/test_support.h"
#include "tests/support/required.h"

namespace edgeplan::checks::live_test {
namespace {

using probes_test::TempDir;
namespace fs = std::filesystem;

constexpr const char* kAccess = "127.0.0.21";
constexpr const char* kWebconf = "127.0.0.22";

bool can_unshare() {
    if (::geteuid() != 0 || !probes_test::have_program("unshare") ||
        !probes_test::have_program("ip")) {
        return false;
    }
    TempDir dir;
    return probes_test::run_command({probes_test::find_program("unshare"), "-n", "--", "/bin/sh",
                                     "-c", "ip link set lo up"},
                                    dir.path() / "unshare.log") == 0;
}

std::string topology(int access_port, int webconf_port) {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="urn:edgeplan:topology:1" name="tls-lab">
  <SipDomains><SipDomain name="contoso.test" default="true"/></SipDomains>
  <Sites>
    <Site id="hq" name="HQ">
      <FrontEndPool id="pool01" fqdn="pool01.contoso.lab" edgePool="edge">
        <Server fqdn="fe01.contoso.lab" ip="127.0.0.30"/>
      </FrontEndPool>
      <EdgePool id="edge" internalFqdn="edge01.contoso.lab" nextHop="pool01">
        <External>
          <Access fqdn="sip.contoso.test" clientPort=")" +
           std::to_string(access_port) + R"("/>
          <WebConferencing fqdn="webcon.contoso.test" port=")" +
           std::to_string(webconf_port) + R"("/>
          <AudioVideo fqdn="av.contoso.test"/>
        </External>
        <Member internalFqdn="edge01.contoso.lab" internalIp="127.0.0.31">
          <Address service="access" ip="127.0.0.21"/>
          <Address service="webconf" ip="127.0.0.22"/>
          <Address service="av" ip="127.0.0.23"/>
        </Member>
      </EdgePool>
    </Site>
  </Sites>
</Topology>
)";
}

struct TlsLab {
    TempDir dir;
    bool netns = false;
    int access_port = 443;
    int webconf_port = 443;

    fs::path at(const std::string& name) const { return dir.path() / name; }
    std::string p(const std::string& name) const { return at(name).string(); }

    int run(std::vector<std::string> argv, const std::string& log) {
        return probes_test::run_command(std::move(argv), at(log), std::chrono::seconds(60));
    }

    // CA, then the certificates from the plan's own CSR config (and a copy without the Web
    // Conferencing FQDN for the bad one).
    bool issue_certificates() {
        probes_test::write_file(at("topology.xml"), topology(access_port, webconf_port));
        if (run({EDGEPLAN_BINARY, "plan", p("topology.xml"), "-q", "--emit-csr", p("csr")},
                "emit.log") == 2) {
            return false;
        }
        const std::string cnf = probes_test::read_file(at("csr") / "edge-external.cnf");
        if (cnf.find("webcon.contoso.test") == std::string::npos) return false;
        std::string bad = cnf;
        const auto line = bad.find("= webcon.contoso.test");
        bad.replace(line, 21, "= other.contoso.test");
        probes_test::write_file(at("bad.cnf"), bad);
        if (run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
                 "/CN=edgeplan tls lab CA", "-keyout", p("ca.key"), "-out", p("ca.pem"), "-days",
                 "2"},
                "ca.log") != 0) {
            return false;
        }
        for (const auto& [name, config] :
             {std::pair<std::string, std::string>{"good", p("csr/edge-external.cnf")},
              {"bad", p("bad.cnf")}}) {
            if (run({"openssl", "req", "-new", "-config", config, "-newkey", "rsa:2048", "-nodes",
                     "-keyout", p(name + ".key"), "-out", p(name + ".csr")},
                    name + "-req.log") != 0 ||
                run({"openssl", "x509", "-req", "-in", p(name + ".csr"), "-CA", p("ca.pem"),
                     "-CAkey", p("ca.key"), "-CAcreateserial", "-days", "365", "-copy_extensions",
                     "copy", "-out", p(name + ".pem")},
                    name + "-sign.log") != 0) {
                return false;
            }
        }
        return true;
    }

    // Starts two s_server instances, waits until both accept, runs `edgeplan check`, stops
    // the servers by PID. Returns edgeplan's exit code (90: a server never came up).
    int check() {
        auto server = [&](const char* ip, int port, const std::string& cert) {
            return "openssl s_server -quiet -www -accept " + std::string(ip) + ":" +
                   std::to_string(port) + " -cert " + p(cert + ".pem") + " -key " +
                   p(cert + ".key") + " </dev/null >" + p(cert + "-server.log") + " 2>&1 &\n";
        };
        auto wait = [&](const char* ip, int port) {
            return "i=0; until openssl s_client -connect " + std::string(ip) + ":" +
                   std::to_string(port) +
                   " </dev/null >/dev/null 2>&1; do i=$((i+1)); "
                   "if [ $i -gt 100 ]; then kill $A $W; exit 90; fi; sleep 0.1; done\n";
        };
        const std::string command = std::string(EDGEPLAN_BINARY) + " check " + p("topology.xml") +
                                    " --only tls --dns-server 127.0.0.1:9 --timeout 1s" +
                                    " --ca-file " + p("ca.pem") + " --format json -q" +
                                    " --output json=" + p("out.json") + " 2>" + p("err.txt");
        const std::string script = std::string(netns ? "ip link set lo up || exit 91\n" : "") +
                                   server(kAccess, access_port, "good") + "A=$!\n" +
                                   server(kWebconf, webconf_port, "bad") + "W=$!\n" +
                                   wait(kAccess, access_port) + wait(kWebconf, webconf_port) +
                                   command + "\nRC=$?\nkill $A $W; wait\nexit $RC\n";
        std::vector<std::string> argv;
        if (netns) argv = {probes_test::find_program("unshare"), "-n", "--"};
        argv.insert(argv.end(), {"/bin/sh", "-c", script});
        return probes_test::run_command(argv, at("run.log"), std::chrono::seconds(90));
    }

    std::string status(const std::string& id, const std::string& subject) const {
        const auto report = nlohmann::json::parse(probes_test::read_file(at("out.json")));
        for (const auto& f : report.at("findings")) {
            if (f.at("check_id") == id && f.at("subject") == subject && f.at("kind") == "tls") {
                return f.at("status");
            }
        }
        return "(none)";
    }
};

TEST(CheckCommandTls, PlannedCertificatePassesWrongOneFails) {
    if (!probes_test::have_program("openssl"))
        EDGEPLAN_REQUIRED_MISSING() << "openssl is not installed";
    TlsLab lab;
    lab.netns = can_unshare();
    if (!lab.netns) {
        lab.access_port = probes_test::free_port(kAccess);
        lab.webconf_port = probes_test::free_port(kWebconf);
    }
    ASSERT_TRUE(lab.issue_certificates()) << probes_test::read_file(lab.at("emit.log"));
    const int rc = lab.check();
    ASSERT_EQ(rc, 1) << probes_test::read_file(lab.at("run.log"))
                     << probes_test::read_file(lab.at("err.txt"));
    const std::string access = "tls:127.0.0.21:" + std::to_string(lab.access_port);
    const std::string webconf = "tls:127.0.0.22:" + std::to_string(lab.webconf_port);
    struct Expect {
        const char* id;
        std::string subject;
        const char* status;
    };
    const Expect rows[] = {
        {"CERT-EXT-01", access, "pass"},
        {"CERT-EXT-02", access, "pass"},
        {"CERT-EXT-03", access, "pass"},
        {"CERT-EXT-04", access, "pass"},
        {"CERT-EXT-05", access, "pass"},
        {"CERT-EXT-09", access, "pass"},
        {"CERT-EXT-16", access, "pass"},
        {"CERT-EXT-20", access, "pass"},
        {"CERT-EXT-01", webconf, "pass"},
        {"CERT-EXT-04", webconf, "fail"},
        // s_server answers OPTIONS with nothing SIP: a finding, not a pass.
        {"PORT-EXT-15", access, "fail"},
    };
    for (const Expect& e : rows) {
        EXPECT_EQ(lab.status(e.id, e.subject), e.status) << e.id << " " << e.subject;
    }
}

}  // namespace
}  // namespace edgeplan::checks::live_test
