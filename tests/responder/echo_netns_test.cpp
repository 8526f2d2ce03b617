// Responder + prober inside a network namespace of their own (only lo up) behind an nftables
// table that drops half the sampled media ports: dropped ports must read silent, the others
// echoed. Needs root and `ip netns`; skipped otherwise.
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "checks/probes/token_echo_prober.h"
#include "checks/responder_ports.h"
#include "tests/responder/responder_test_support.h"
#include "tests/support/required.h"

namespace edgeplan::checks::probes {
namespace {

using namespace responder_test;

int run(const std::string& command) { return std::system(command.c_str()); }

// `ip netns add NAME`, deleted again on destruction (also when an assertion fails).
class Namespace {
  public:
    explicit Namespace(std::string name) : name_(std::move(name)) {
        created_ = run("ip netns add " + name_ + " 2>/dev/null") == 0;
    }
    Namespace(const Namespace&) = delete;
    Namespace& operator=(const Namespace&) = delete;
    ~Namespace() {
        if (created_) run("ip netns del " + name_);
    }
    bool created() const { return created_; }
    const std::string& name() const { return name_; }

  private:
    std::string name_;
    bool created_ = false;
};

// Moves the calling thread into the namespace; threads it starts inherit it. Moves back on
// destruction.
class InsideNamespace {
  public:
    explicit InsideNamespace(const std::string& name)
        : home_(open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)) {
        const Descriptor target(open(("/run/netns/" + name).c_str(), O_RDONLY | O_CLOEXEC));
        entered_ = home_.valid() && target.valid() && setns(target.get(), CLONE_NEWNET) == 0;
    }
    InsideNamespace(const InsideNamespace&) = delete;
    InsideNamespace& operator=(const InsideNamespace&) = delete;
    ~InsideNamespace() {
        if (entered_) setns(home_.get(), CLONE_NEWNET);
    }
    bool entered() const { return entered_; }

  private:
    Descriptor home_;
    bool entered_ = false;
};

std::string port_set(const std::vector<int>& ports) {
    std::string out;
    for (int p : ports) out += (out.empty() ? "" : ", ") + std::to_string(p);
    return out;
}

TEST(EchoNetnsTest, DroppedPortsAreSilentOthersEchoed) {
    if (geteuid() != 0) EDGEPLAN_REQUIRED_MISSING() << "needs root to create a network namespace";
    const Namespace ns("edgeplan-listen-" + std::to_string(getpid()));
    if (!ns.created()) EDGEPLAN_REQUIRED_MISSING() << "`ip netns add` does not work here";
    ASSERT_EQ(run("ip -n " + ns.name() + " link set lo up"), 0);

    std::vector<ResponderEndpoint> endpoints;
    for (const ResponderPort& p :
         responder_ports(ocs2007_plan(), ResponderRole::edge_external, 8)) {
        if (p.port >= 50000) endpoints.push_back({p.transport, p.port});
    }
    ASSERT_EQ(endpoints.size(), 16u);
    // Every other sampled port is dropped on its way to the responder. Only traffic to the
    // responder's address: the prober's ephemeral ports overlap the media range.
    std::vector<int> dropped_tcp, dropped_udp;
    std::set<std::pair<Transport, int>> dropped;
    for (std::size_t i = 0; i < endpoints.size(); i += 2) {
        (endpoints[i].transport == tcp ? dropped_tcp : dropped_udp).push_back(endpoints[i].port);
        dropped.insert({endpoints[i].transport, endpoints[i].port});
    }
    const TempDir dir;
    const std::string rules = dir.path() + "/drop.nft";
    std::ofstream(rules) << "table inet edgeplan_listen_test {\n"
                         << "  chain input {\n"
                         << "    type filter hook input priority 0; policy accept;\n"
                         << "    ip daddr 127.0.0.80 tcp dport { " << port_set(dropped_tcp)
                         << " } drop\n"
                         << "    ip daddr 127.0.0.80 udp dport { " << port_set(dropped_udp)
                         << " } drop\n"
                         << "  }\n}\n";
    ASSERT_EQ(run("ip netns exec " + ns.name() + " nft -f " + rules), 0);

    const InsideNamespace inside(ns.name());
    ASSERT_TRUE(inside.entered());
    ResponderOptions options;
    options.bind_address = "127.0.0.80";
    options.role = "edge-external";
    options.duration = std::chrono::seconds(20);
    RunningResponder responder(options, endpoints);
    ASSERT_TRUE(responder.report().failures.empty());

    std::vector<EchoTarget> targets;
    for (const ResponderEndpoint& e : endpoints)
        targets.push_back({"127.0.0.80", e.port, e.transport});
    TokenEchoOptions prober_options;
    prober_options.source_address = "127.0.0.81";
    prober_options.deadline = std::chrono::milliseconds(1500);
    const std::vector<EchoResult> results = make_token_echo_prober(prober_options)->probe(targets);
    ASSERT_EQ(results.size(), targets.size());
    for (const EchoResult& r : results) {
        const bool is_dropped = dropped.count({r.target.transport, r.target.port}) > 0;
        const std::string expected = is_dropped ? "silent" : "echoed";
        EXPECT_EQ(to_string(r.status), expected)
            << r.target.port << "/" << topology::to_string(r.target.transport) << ": " << r.detail;
    }
}

}  // namespace
}  // namespace edgeplan::checks::probes
