// `edgeplan check` (the real binary) with a hostile TLS peer on the Access Edge's 5061: a drip,
// a Certificate message that is not DER, and a certificate whose names hide a NUL. The run must
// end within 2 x timeout + 2 s with a report that holds a fail or error finding for
// tls:ADDR:5061, never a crash. DNS goes to a local socket that never answers. Runs in a fresh
// network namespace with lo up when root (as tests/checks_live/check_command_hostile_test.cpp),
// else on the host's loopback.
#include <sched.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/hostile/tls_hostile_handlers.h"
#include "tests/hostile/tls_server.h"
#include "tests/support/hostile_edge.h"

namespace edgeplan::hostile_test {
namespace {

using probes_test::TempDir;

constexpr const char* kAccess = "127.0.0.97";
constexpr const char* kDns = "127.0.0.98";

std::string topology_text() {
    return hostile_edge::single_edge_topology({"hostile-tls", "contoso.com", kAccess, "127.0.0.101",
                                               "127.0.0.102", "127.0.0.99", "127.0.0.100"});
}

using hostile_edge::enter_private_netns;

struct E2eRow {
    std::string name;  // starts with the expected finding
    Handler server;
    std::string check_id;               // a finding of this check on tls:<access>:5061 ...
    std::vector<std::string> statuses;  // ... with one of these statuses
    std::string evidence_key = {};      // ... and, when set, evidence under this key
};

TEST(CheckCommandHostileTls, HostileAccessEdgeEndsAsFindingWithinTheTimeout) {
    if (!enter_private_netns()) {
        std::cerr << "[ note ] no network namespace (not root): using the host's loopback\n";
    }
    // DNS: a bound UDP socket nobody reads, so every query times out locally.
    const int dns = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    auto where = probes_test::ipv4(kDns, 0);
    socklen_t length = sizeof where;
    ASSERT_EQ(::bind(dns, reinterpret_cast<sockaddr*>(&where), length), 0);
    ASSERT_EQ(::getsockname(dns, reinterpret_cast<sockaddr*>(&where), &length), 0);
    const std::string dns_server = std::string(kDns) + ":" + std::to_string(ntohs(where.sin_port));

    const Chain nul = named_leaf(std::string("sip.contoso.com\0.evil.com", 25),
                                 {std::string("sip.contoso.com\0.evil.com", 25)});
    const std::vector<E2eRow> rows = {
        {"PORT-EXT-15 fail - a drip instead of a ServerHello",
         drip(milliseconds(250)),
         "PORT-EXT-15",
         {"fail"}},
        {"PORT-EXT-15 fail - a Certificate message that is not DER",
         bad_certificate({"not a certificate"}),
         "PORT-EXT-15",
         {"fail"}},
        {"CERT-EXT-03 fail - a NUL inside the certificate's dNSName",
         serve_tls(server_context(nul)),
         "CERT-EXT-03",
         {"fail"}},
        {"CERT-EXT-01 fail - a 61-certificate chain, cut at the limit and said so",
         serve_tls(server_context(long_chain(60, 0))),
         "CERT-EXT-01",
         {"fail"},
         "chain_limit"},
    };
    const int timeout_s = 1;
    for (const E2eRow& row : rows) {
        SCOPED_TRACE(row.name);
        StreamPeer peer(kAccess, 5061, row.server);
        ASSERT_TRUE(peer.ok()) << "cannot bind " << kAccess << ":5061";
        TempDir dir;
        probes_test::write_file(dir.path() / "topology.xml", topology_text());
        const auto started = Clock::now();
        // 30 s: far beyond the budget, so a hang shows as one and not as slowness.
        const int rc = probes_test::run_command(
            {EDGEPLAN_BINARY, "check", (dir.path() / "topology.xml").string(), "--dns-server",
             dns_server, "--timeout", std::to_string(timeout_s) + "s", "--format", "json",
             "--output", "json=" + (dir.path() / "report.json").string()},
            dir.path() / "run.log", std::chrono::seconds(30));
        const auto elapsed = Clock::now() - started;
        const std::string log = probes_test::read_file(dir.path() / "run.log");
        std::cout << "[ elapsed ] " << std::chrono::duration_cast<milliseconds>(elapsed).count()
                  << " ms  " << row.name << "\n";
        // 1 finding fails: exit 1 (a crash or a kill is -1).
        EXPECT_EQ(rc, 1) << log;
        EXPECT_LE(elapsed, milliseconds(timeout_s * 2000 + 2000));
        const auto report = nlohmann::json::parse(
            probes_test::read_file(dir.path() / "report.json"), nullptr, false);
        ASSERT_TRUE(report.is_object()) << log;
        const std::string subject = std::string("tls:") + kAccess + ":5061";
        bool found = false;
        for (const auto& f : report.at("findings")) {
            if (f.at("check_id") != row.check_id || f.at("subject") != subject) continue;
            found = true;
            const std::string status = f.at("status").get<std::string>();
            EXPECT_NE(std::find(row.statuses.begin(), row.statuses.end(), status),
                      row.statuses.end())
                << status << ": " << f.at("message");
            if (!row.evidence_key.empty()) {
                EXPECT_NE(f.at("evidence").dump().find("\"" + row.evidence_key + "\""),
                          std::string::npos)
                    << f.at("evidence").dump();
            }
        }
        EXPECT_TRUE(found) << row.check_id << " on " << subject;
        EXPECT_GE(peer.accepted(), 1);
    }
    ::close(dns);
}

}  // namespace
}  // namespace edgeplan::hostile_test
