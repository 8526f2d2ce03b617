// `edgeplan check` (the real binary) against NSD on 127.0.0.53 serving the plan's own zone
// export (`edgeplan plan --emit-zone`) wrapped with SOA/NS: the DNS checks pass; with one
// record removed the matching check fails. Inside a network namespace with only lo up when
// we may create one (root), else on the host's loopback. Also --record then --replay.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/probes/test_support.h"
#include "tests/support/hostile_edge.h"
#include "tests/support/required.h"

namespace edgeplan::checks::live_test {
namespace {

using probes_test::TempDir;

constexpr const char* kNsd = "127.0.0.53";

std::string topology_text() {
    return hostile_edge::single_edge_topology({"loopback-lab", "contoso.test", "127.0.0.21",
                                               "127.0.0.22", "127.0.0.23", "127.0.0.31",
                                               "127.0.0.24"});
}

std::string soa(const std::string& zone) {
    return "$ORIGIN " + zone + ".\n$TTL 300\n@ IN SOA ns." + zone + ". hostmaster." + zone +
           ". 1 3600 600 86400 300\n@ IN NS ns." + zone + ".\nns IN A " + kNsd + "\n";
}

std::string without_line(std::string text, const std::string& starting) {
    const auto at = text.find("\n" + starting);
    if (at == std::string::npos) return text;
    const auto end = text.find('\n', at + 1);
    return text.erase(at + 1, end - at);
}

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

struct Lab {
    TempDir dir;
    std::uint16_t port = 0;
    bool netns = false;

    std::filesystem::path at(const std::string& name) const { return dir.path() / name; }

    // Zones from the plan's own export, wrapped with SOA/NS; `drop` removes one record.
    bool write_zones(const std::string& drop) {
        probes_test::write_file(at("topology.xml"), topology_text());
        if (probes_test::run_command({EDGEPLAN_BINARY, "plan", at("topology.xml").string(),
                                      "--emit-zone", at("zones").string(), "-q"},
                                     at("plan.log")) != 0) {
            return false;
        }
        const std::string external = probes_test::read_file(at("zones/contoso.test.external.zone"));
        const std::string internal = probes_test::read_file(at("zones/corp.test.internal.zone"));
        if (external.empty() || internal.empty()) return false;
        probes_test::write_file(at("contoso.test.zone"),
                                soa("contoso.test") + without_line(external, drop));
        // DNS-INT-02: the perimeter DNS also holds the next hop (the plan leaves that record
        // to the administrator, NIC), here fe01's address for pool01.
        probes_test::write_file(at("corp.test.zone"),
                                soa("corp.test") + internal + "pool01 IN A 127.0.0.31\n");
        const std::string d = dir.path().string();
        probes_test::write_file(
            at("nsd.conf"),
            "server:\n  ip-address: " + std::string(kNsd) + "@" + std::to_string(port) +
                "\n  database: \"\"\n  username: \"\"\n  chroot: \"\"\n  server-count: 1\n"
                "  rrl-ratelimit: 0\n  pidfile: \"" +
                d + "/nsd.pid\"\n  xfrdfile: \"" + d + "/xfrd.state\"\n  zonelistfile: \"" + d +
                "/zone.list\"\n  logfile: \"" + d +
                "/nsd.log\"\nremote-control:\n  control-enable: no\n"
                "zone:\n  name: contoso.test\n  zonefile: \"" +
                d +
                "/contoso.test.zone\"\n"
                "zone:\n  name: corp.test\n  zonefile: \"" +
                d + "/corp.test.zone\"\n");
        return true;
    }

    // Starts NSD, waits for it, runs `edgeplan check`, stops NSD by its PID; the exit code
    // of edgeplan (90 when NSD never answered).
    int run_check(const std::vector<std::string>& extra) {
        const std::string server = std::string(kNsd) + ":" + std::to_string(port);
        std::string command = std::string(EDGEPLAN_BINARY) + " check " +
                              at("topology.xml").string() + " --dns-server " + server +
                              " --internal-dns-server " + server +
                              " --only dns --only federation --format json --timeout 2s";
        for (const std::string& e : extra) command += " " + e;
        const std::string script =
            std::string(netns ? "ip link set lo up || exit 91\n" : "") + "nsd -d -c " +
            at("nsd.conf").string() + " >" + at("nsd.out").string() + " 2>&1 &\nNSD=$!\n" +
            "i=0; until drill -p " + std::to_string(port) + " @" + kNsd +
            " sip.contoso.test A >/dev/null 2>&1; do i=$((i+1)); "
            "if [ $i -gt 100 ]; then kill $NSD; exit 90; fi; sleep 0.1; done\n" +
            command + " >" + at("out.json").string() + " 2>" + at("err.txt").string() +
            "\nRC=$?\nkill $NSD; wait $NSD\nexit $RC\n";
        std::vector<std::string> argv;
        if (netns) argv = {probes_test::find_program("unshare"), "-n", "--"};
        argv.insert(argv.end(), {"/bin/sh", "-c", script});
        return probes_test::run_command(argv, at("run.log"), std::chrono::seconds(60));
    }

    nlohmann::json report() const {
        return nlohmann::json::parse(probes_test::read_file(at("out.json")), nullptr, false);
    }
    std::string log() const {
        return probes_test::read_file(at("err.txt")) + probes_test::read_file(at("run.log")) +
               probes_test::read_file(at("nsd.out")) + probes_test::read_file(at("nsd.log"));
    }
};

std::string status_of(const nlohmann::json& report, const std::string& id,
                      const std::string& subject) {
    if (!report.is_object()) return "no report";
    for (const auto& f : report["findings"]) {
        if (f["check_id"] == id && f["subject"] == subject) return f["status"];
    }
    return "absent";
}

class CheckCommandNsd : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!probes_test::have_program("nsd") || !probes_test::have_program("drill")) {
            EDGEPLAN_REQUIRED_MISSING() << "nsd or drill is not installed";
        }
        lab.netns = can_unshare();
        if (!lab.netns) {
            std::cerr << "[ SKIPPED part ] no network namespace (not root or unshare refused): "
                         "running on the host loopback\n";
        }
        lab.port = lab.netns ? 53 : probes_test::free_port(kNsd, true);
        ASSERT_NE(lab.port, 0);
    }
    Lab lab;
};

TEST_F(CheckCommandNsd, PassesOnThePlansOwnZoneAndReplays) {
    ASSERT_TRUE(lab.write_zones("no record dropped")) << lab.log();
    const std::string recording = lab.at("recording.json").string();
    const int rc = lab.run_check({"--record", recording});
    const auto report = lab.report();
    ASSERT_EQ(rc, 0) << lab.log() << report.dump(1);
    for (const auto& [id, subject] : std::vector<std::pair<std::string, std::string>>{
             {"DNS-A-EXT-01", "dns:sip.contoso.test/A"},
             {"DNS-A-EXT-02", "dns:webcon.contoso.test/A"},
             {"DNS-A-EXT-03", "dns:av.contoso.test/A"},
             {"DNS-SRV-CLI-01", "dns:_sip._tls.contoso.test/SRV"},
             {"DNS-SRV-FED-01", "dns:_sipfederationtls._tcp.contoso.test/SRV"},
             {"DNS-SRV-GEN-01", "dns:_sip._tls.contoso.test/SRV"},
             {"DNS-INT-01", "dns:edge01.corp.test/A"},
             {"DNS-INT-02", "dns:pool01.corp.test/A"}}) {
        EXPECT_EQ(status_of(report, id, subject), "pass") << id << " " << subject;
    }
    EXPECT_EQ(report["summary"]["fail"], 0);
    EXPECT_EQ(report["command"], "check");

    // --replay: same findings from the recording, without the network (NSD is gone now).
    const std::string replayed = lab.at("replayed.json").string();
    ASSERT_EQ(probes_test::run_command(
                  {EDGEPLAN_BINARY, "check", lab.at("topology.xml").string(), "--dns-server",
                   std::string(kNsd) + ":" + std::to_string(lab.port), "--internal-dns-server",
                   std::string(kNsd) + ":" + std::to_string(lab.port), "--only", "dns", "--only",
                   "federation", "--replay", recording, "--output", "json=" + replayed, "-q"},
                  lab.at("replay.log")),
              0)
        << probes_test::read_file(lab.at("replay.log"));
    const auto again = nlohmann::json::parse(probes_test::read_file(replayed), nullptr, false);
    ASSERT_TRUE(again.is_object());
    EXPECT_EQ(again["findings"], report["findings"]);
}

TEST_F(CheckCommandNsd, FailsWhenTheClientSrvIsMissing) {
    ASSERT_TRUE(lab.write_zones("_sip._tls")) << lab.log();
    const int rc = lab.run_check({});
    const auto report = lab.report();
    EXPECT_EQ(rc, 1) << lab.log();
    EXPECT_EQ(status_of(report, "DNS-SRV-CLI-01", "dns:_sip._tls.contoso.test/SRV"), "fail");
    EXPECT_EQ(status_of(report, "DNS-A-EXT-01", "dns:sip.contoso.test/A"), "pass");
}

}  // namespace
}  // namespace edgeplan::checks::live_test
