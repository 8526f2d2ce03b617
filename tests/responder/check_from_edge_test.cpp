// `edgeplan check --from edge --responder` end to end (docs/responder.md): the real binary
// probes the outbound rules of a federating topology (Lync 2010 partner, so UDP 3478 out and
// the media range are planned) with token echo toward `edgeplan listen --role partner` on
// 127.0.0.180, sampled ranges included. Without a responder every outbound finding fails closed.
// Each row has addresses of its own: ctest runs the rows as separate tests, side by side.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "checks/probes/token_echo_prober.h"
#include "tests/responder/responder_test_support.h"

namespace edgeplan::app {
namespace {

using namespace responder_test;

const std::vector<std::string> kOutbound{"PORT-EXT-07", "PORT-EXT-09", "PORT-EXT-11", "PORT-EXT-14",
                                         "PORT-INT-03"};

// Waits until the responder echoes on TCP 5061 (its ports are bound), at most `limit`.
bool responder_ready(const std::string& responder, const std::string& source,
                     std::chrono::milliseconds limit) {
    checks::probes::TokenEchoOptions options;
    options.source_address = source;
    options.deadline = std::chrono::milliseconds(300);
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        const auto r =
            checks::probes::make_token_echo_prober(options)->probe({{responder, 5061, tcp}});
        if (r.size() == 1 && r[0].status == checks::probes::EchoStatus::echoed) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

nlohmann::json run_check(const TempDir& dir, const std::string& topology,
                         const std::string& responder, const std::string& source) {
    std::vector<std::string> argv{EDGEPLAN_BINARY,
                                  "check",
                                  topology,
                                  "--from",
                                  "edge",
                                  "--responder",
                                  responder,
                                  "--source-address",
                                  source,
                                  "--dns-server",
                                  responder + ":5353",
                                  "--timeout",
                                  "1s",
                                  "--format",
                                  "json"};
    for (const std::string& id : kOutbound) {
        argv.push_back("--only");
        argv.push_back(id);
    }
    ChildProcess check(argv, dir.path() + "/check.json", dir.path() + "/check.err");
    EXPECT_GE(check.wait(std::chrono::seconds(30)), 0) << "edgeplan check did not finish";
    const std::string text = read_text(dir.path() + "/check.json");
    return nlohmann::json::parse(text, nullptr, false);
}

struct Row {
    std::string name;
    bool responder;
    std::string responder_address;  // --responder (and the listener's --bind)
    std::string source_address;
    std::string status;    // every outbound finding
    std::string observed;  // evidence "observed"
};

class CheckFromEdge : public ::testing::TestWithParam<Row> {};

TEST_P(CheckFromEdge, OutboundFindings) {
    const Row& row = GetParam();
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const std::string topology = dir.path() + "/topology.xml";
    {
        // A single Edge with federation to a Lync 2010 partner (X7, X9, X13, X16, I3).
        std::ofstream(topology) << read_text(EDGEPLAN_SOURCE_DIR
                                             "/samples/s2-single-nat/topology.xml");
    }
    std::optional<ChildProcess> listener;
    if (row.responder) {
        listener.emplace(std::vector<std::string>{EDGEPLAN_BINARY, "listen", topology, "--role",
                                                  "partner", "--bind", row.responder_address,
                                                  "--sample", "16", "--duration", "60s"},
                         dir.path() + "/listen.out", dir.path() + "/listen.err");
        ASSERT_TRUE(
            responder_ready(row.responder_address, row.source_address, std::chrono::seconds(10)))
            << read_text(dir.path() + "/listen.err");
    }
    const nlohmann::json report =
        run_check(dir, topology, row.responder_address, row.source_address);
    ASSERT_TRUE(report.is_object()) << read_text(dir.path() + "/check.err");
    std::set<std::string> seen;
    int probed = 0;
    for (const auto& f : report.at("findings")) {
        const std::string id = f.at("check_id").get<std::string>();
        if (f.at("subject") == "topology") continue;  // the skip of a rule not in this plan
        seen.insert(id);
        ++probed;
        EXPECT_EQ(f.at("status"), row.status)
            << id << " " << f.at("subject") << ": " << f.at("message");
        bool has_observed = false;
        for (const auto& e : f.at("evidence")) {
            if (e.dump().find("\"observed\"") != std::string::npos &&
                e.dump().find("\"" + row.observed + "\"") != std::string::npos) {
                has_observed = true;
            }
        }
        EXPECT_TRUE(has_observed) << id << " " << f.at("evidence").dump();
    }
    for (const std::string& id : kOutbound) EXPECT_EQ(seen.count(id), 1u) << id;
    EXPECT_EQ(probed, 1 + 16 + 1 + 1 + 1);  // 5061, the media-range sample, 3478, 443, I3
}

INSTANTIATE_TEST_SUITE_P(Rows, CheckFromEdge,
                         ::testing::Values(Row{"pass_responder_echoes", true, "127.0.0.180",
                                               "127.0.0.181", "pass", "echoed"},
                                           Row{"fail_no_responder_closed", false, "127.0.0.182",
                                               "127.0.0.183", "fail", "closed"}),
                         [](const auto& row_info) { return row_info.param.name; });

}  // namespace
}  // namespace edgeplan::app
