// `edgeplan listen` end to end: the library entry (listen_on_plan) with a hand-built plan, its
// stop on SIGTERM, and the binary on a hand-written edgeplan topology (skipped while the
// edgeplan reader or the plan derivation are scaffolds in this tree).
#include "app/listen_command.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checks/probes/token_echo_prober.h"
#include "tests/responder/responder_test_support.h"

namespace edgeplan::app {
namespace {

using namespace responder_test;
using checks::probes::EchoResult;
using checks::probes::EchoTarget;

// Runs listen_on_plan on a thread; wait_ready() returns once its ports are bound.
class ListenThread {
  public:
    ListenThread(topology::Plan plan, ListenArguments arguments)
        : plan_(std::move(plan)), arguments_(std::move(arguments)) {
        thread_ = std::thread([this] {
            exit_code_ = listen_on_plan(plan_, arguments_, out_, err_, [this] {
                const std::lock_guard<std::mutex> lock(mutex_);
                ready_ = true;
                condition_.notify_all();
            });
            const std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
            condition_.notify_all();
        });
    }
    ListenThread(const ListenThread&) = delete;
    ListenThread& operator=(const ListenThread&) = delete;
    ~ListenThread() { join(); }
    bool wait_ready(std::chrono::milliseconds limit) {
        std::unique_lock<std::mutex> lock(mutex_);
        return condition_.wait_for(lock, limit, [this] { return ready_ || done_; }) && ready_;
    }
    int join() {
        if (thread_.joinable()) thread_.join();
        return exit_code_;
    }
    std::string out() const { return out_.str(); }
    std::string err() const { return err_.str(); }

  private:
    topology::Plan plan_;
    ListenArguments arguments_;
    std::ostringstream out_, err_;
    int exit_code_ = -1;
    std::mutex mutex_;
    std::condition_variable condition_;
    bool ready_ = false, done_ = false;
    std::thread thread_;
};

std::vector<EchoResult> probe(const std::string& address, const std::string& source,
                              const std::vector<std::pair<Transport, int>>& ports) {
    std::vector<EchoTarget> targets;
    for (const auto& [transport, port] : ports) targets.push_back({address, port, transport});
    checks::probes::TokenEchoOptions options;
    options.source_address = source;
    options.deadline = std::chrono::milliseconds(1500);
    return checks::probes::make_token_echo_prober(options)->probe(targets);
}

TEST(ListenCommandTest, BindsThePlansInternalPortsAnswersAndSummarises) {
    ListenArguments a;
    a.role = "edge-internal";
    a.duration = "3s";
    a.bind = "127.0.0.82";
    a.format = "json";
    const auto started = std::chrono::steady_clock::now();
    ListenThread listen(edge_plan(), a);
    ASSERT_TRUE(listen.wait_ready(std::chrono::seconds(5))) << listen.err();

    const std::vector<std::pair<Transport, int>> expected = {
        {tcp, 443},   {tcp, 4443},  {tcp, 5061},  {tcp, 5062},  {tcp, 8057},
        {tcp, 23456}, {tcp, 50001}, {tcp, 50002}, {tcp, 50003}, {udp, 3478}};
    const bool root = geteuid() == 0;
    for (const EchoResult& r : probe("127.0.0.82", "127.0.0.83", expected)) {
        const bool privileged = r.target.port < 1024;
        EXPECT_EQ(to_string(r.status), std::string(root || !privileged ? "echoed" : "closed"))
            << r.target.port << ": " << r.detail;
    }
    const int exit_code = listen.join();
    // A lower bound: load can only make the run longer, never shorter than its --duration.
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(2900));
    EXPECT_EQ(exit_code, root ? 0 : 3) << listen.err();

    const nlohmann::json summary = nlohmann::json::parse(listen.out());
    EXPECT_EQ(summary["role"], "edge-internal");
    EXPECT_EQ(summary["stopped"], false);
    std::vector<std::pair<Transport, int>> bound;
    for (const auto& b : summary["bound"]) {
        bound.push_back({b["transport"] == "tcp" ? tcp : udp, b["port"].get<int>()});
        EXPECT_EQ(b["replies"], 1) << b.dump();
    }
    std::vector<std::pair<Transport, int>> wanted = expected;
    if (!root) {
        wanted.erase(wanted.begin());  // 443 needs privilege
        ASSERT_EQ(summary["not_bound"].size(), 1u);
        EXPECT_EQ(summary["not_bound"][0]["problem"], "permission");
    }
    EXPECT_EQ(bound, wanted);
    EXPECT_EQ(summary["bound"][0]["rules"], nlohmann::json({root ? "PORT-INT-07" : "PORT-INT-08"}));
    EXPECT_NE(listen.err().find("bound 9 tcp port(s): 443, 4443, 5061-5062, 8057, 23456, "
                                "50001-50003"),
              std::string::npos)
        << listen.err();
}

TEST(ListenCommandTest, StopsOnSigtermLongBeforeItsDuration) {
    ListenArguments a;
    a.role = "partner";
    a.sample = 3;
    a.duration = "10m";
    a.bind = "127.0.0.89";
    a.format = "json";
    topology::Plan plan;
    plan.firewall.push_back(rule("PORT-EXT-09", ext, outbound, tcp, 50000, 59999));
    const auto started = std::chrono::steady_clock::now();
    ListenThread listen(plan, a);
    ASSERT_TRUE(listen.wait_ready(std::chrono::seconds(5))) << listen.err();
    kill(getpid(), SIGTERM);  // the handler is installed until listen_on_plan returns
    EXPECT_EQ(listen.join(), 0) << listen.err();
    // Long before the 10 minutes: a bound no loaded machine reaches, with the summary below
    // saying the signal (not the duration) ended the run.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::minutes(2));
    const nlohmann::json summary = nlohmann::json::parse(listen.out());
    EXPECT_EQ(summary["stopped"], true);
    EXPECT_EQ(summary["bound"].size(), 3u) << "--sample 3 over 50000-59999";
}

struct RefusalRow {
    const char* name;
    ListenArguments arguments;
    const char* message;
};

TEST(ListenCommandTest, RefusesBadArgumentsWithExitCode2) {
    const auto args = [](const char* role, std::optional<int> sample, const char* duration,
                         const char* bind, const char* format) {
        ListenArguments a;
        a.role = role;
        a.sample = sample;
        a.duration = duration;
        a.bind = bind;
        a.format = format;
        return a;
    };
    const RefusalRow rows[] = {
        {"input_error - unknown role", args("edge", {}, "3s", "127.0.0.1", "text"), "--role"},
        {"input_error - sample 0", args("partner", 0, "3s", "127.0.0.1", "text"), "--sample"},
        {"input_error - duration over 24h", args("partner", {}, "2000m", "127.0.0.1", "text"),
         "--duration"},
        {"input_error - bind to a name", args("partner", 2, "3s", "localhost", "text"),
         "bind address"},
        {"input_error - format html", args("partner", 2, "3s", "127.0.0.1", "html"), "--format"},
    };
    for (const RefusalRow& row : rows) {
        std::ostringstream out, err;
        EXPECT_EQ(listen_on_plan(edge_plan(), row.arguments, out, err), 2) << row.name;
        EXPECT_NE(err.str().find(row.message), std::string::npos) << row.name << ": " << err.str();
    }
    std::ostringstream out, err;
    EXPECT_EQ(
        listen_on_plan(topology::Plan{}, args("partner", 2, "3s", "127.0.0.1", "text"), out, err),
        2)
        << "input_error - a plan without firewall rules";
}

// The binary, once, on a hand-written edgeplan topology.
const char* const topology_xml = R"(<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="urn:edgeplan:topology:1" name="listen-test">
  <SipDomains><SipDomain name="contoso.com" default="true"/></SipDomains>
  <Sites>
    <Site id="hq" name="HQ" federationRoute="edgepool">
      <FrontEndPool id="pool01" fqdn="pool01.contoso.net" kind="enterprise" edgePool="edgepool"
                    cms="true">
        <Server fqdn="fe01.contoso.net" ip="172.25.33.20"/>
      </FrontEndPool>
      <EdgePool id="edgepool" internalFqdn="edge01.contoso.net" loadBalancing="single"
                federation="true" nextHop="pool01">
        <External>
          <Access fqdn="sip.contoso.com" clientPort="443" federationPort="5061"/>
          <WebConferencing fqdn="webcon.contoso.com" port="443"/>
          <AudioVideo fqdn="av.contoso.com" tcpPort="443" udpPort="3478"/>
        </External>
        <Member internalFqdn="edge01.contoso.net" internalIp="172.25.33.10">
          <Address service="access" ip="131.107.155.10"/>
          <Address service="webconf" ip="131.107.155.20"/>
          <Address service="av" ip="131.107.155.30"/>
        </Member>
      </EdgePool>
    </Site>
  </Sites>
</Topology>
)";

TEST(ListenCommandTest, BinaryListensOnAHandWrittenTopology) {
    const TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const std::string topology = dir.path() + "/topology.xml";
    std::ofstream(topology) << topology_xml;
    const std::string out = dir.path() + "/out.json", err = dir.path() + "/err.txt";
    ChildProcess child({EDGEPLAN_BINARY, "listen", topology, "--role", "edge-internal",
                        "--duration", "3s", "--bind", "127.0.0.84", "--format", "json"},
                       out, err);
    ASSERT_TRUE(child.started());
    // Bounded wait for the ports to be bound, or for the process to give up.
    bool answering = false;
    for (int i = 0; i < 250 && !answering && child.wait(std::chrono::milliseconds(20)) == -1; ++i) {
        answering = read_text(err).find("answering token-echo probes") != std::string::npos;
    }
    if (!answering) {
        const int code = child.wait(std::chrono::seconds(2));
        const std::string message = read_text(err);
        if (code == 2 && (message.find("not implemented") != std::string::npos ||
                          message.find("expects no port") != std::string::npos)) {
            GTEST_SKIP() << "the edgeplan reader or derive_plan is still a scaffold in this "
                            "tree; listen_on_plan is tested with a hand-built plan instead: "
                         << message;
        }
        FAIL() << "edgeplan listen did not start (exit " << code << "): " << message;
    }
    // PORT-INT-02 (5061), PORT-INT-05 (5062), PORT-INT-06 (3478/udp) hold for every Edge.
    for (const EchoResult& r :
         probe("127.0.0.84", "127.0.0.85", {{tcp, 5061}, {tcp, 5062}, {udp, 3478}})) {
        EXPECT_EQ(to_string(r.status), std::string("echoed")) << r.target.port << ": " << r.detail;
    }
    EXPECT_EQ(child.wait(std::chrono::seconds(10)), geteuid() == 0 ? 0 : 3) << read_text(err);
    const nlohmann::json summary = nlohmann::json::parse(read_text(out));
    EXPECT_EQ(summary["role"], "edge-internal");
    EXPECT_FALSE(summary["bound"].empty());
}

// --settings-from: a Get-CsService -EdgeServer export moves the internal SIP port (5061 ->
// 5071), and listen binds the port the exports state (docs/settings-from.md).
TEST(ListenCommandTest, BinaryReadsSettingsFromExports) {
    const TempDir dir;
    const std::string topology = dir.path() + "/topology.xml";
    std::ofstream(topology) << topology_xml;
    const std::string exports = dir.path() + "/exports";
    ::mkdir(exports.c_str(), 0755);
    std::ofstream(exports + "/Get-CsService-EdgeServer.csv")
        << "\"Identity\",\"PoolFqdn\",\"AccessEdgeInternalSipPort\"\r\n"
           "\"EdgeServer:edge01.contoso.net\",\"edge01.contoso.net\",\"5071\"\r\n";
    const std::string out = dir.path() + "/out.json", err = dir.path() + "/err.txt";
    ChildProcess child(
        {EDGEPLAN_BINARY, "listen", topology, "--settings-from", exports, "--role", "edge-internal",
         "--duration", "2s", "--bind", "127.0.0.86", "--format", "json"},
        out, err);
    ASSERT_TRUE(child.started());
    EXPECT_EQ(child.wait(std::chrono::seconds(15)), geteuid() == 0 ? 0 : 3) << read_text(err);
    const std::string log = read_text(err);
    EXPECT_NE(log.find("5071"), std::string::npos) << log;
    EXPECT_EQ(log.find(" 5061"), std::string::npos) << log;

    // A folder with an export it cannot read is an input error naming the file.
    std::ofstream(exports + "/Get-CsSite.json") << "{";
    const std::string err2 = dir.path() + "/err2.txt";
    ChildProcess bad({EDGEPLAN_BINARY, "listen", topology, "--settings-from", exports, "--role",
                      "edge-internal", "--duration", "2s", "--bind", "127.0.0.86"},
                     out, err2);
    EXPECT_EQ(bad.wait(std::chrono::seconds(10)), 2);
    EXPECT_NE(read_text(err2).find("Get-CsSite.json"), std::string::npos) << read_text(err2);
}

TEST(ListenCommandTest, BinaryRefusesAMissingRoleWithExitCode2) {
    const TempDir dir;
    const std::string out = dir.path() + "/out", err = dir.path() + "/err";
    ChildProcess child({EDGEPLAN_BINARY, "listen", "topology.xml", "--duration", "3s"}, out, err);
    EXPECT_EQ(child.wait(std::chrono::seconds(10)), 2);
    EXPECT_NE(read_text(err).find("--role are required"), std::string::npos) << read_text(err);
}

}  // namespace
}  // namespace edgeplan::app
