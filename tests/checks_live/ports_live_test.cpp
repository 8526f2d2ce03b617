// The live port checks over hand-built observations: TCP open / closed / filtered /
// unreachable, and UDP 3478 STUN answers (binding, allocate only, silence, ICMP).
#include <functional>

#include "tests/checks_live/live_fixture.h"

namespace edgeplan::checks::live_test {
namespace {

using probes::StunObservation;
using probes::TcpObservation;
using probes::TcpOutcome;

// Every requested probe answered well: TCP open, STUN Binding and Allocate answered.
void all_healthy(World& w) {
    const std::vector<const Check*> all = [&] {
        std::vector<const Check*> out;
        for (const auto& c : w.checks) out.push_back(c.get());
        return out;
    }();
    const auto requests = collect_requests(all, w.context(), {});
    w.observations.tcp.clear();
    w.observations.stun.clear();
    for (const auto& p : requests.tcp) w.observations.tcp.push_back({p, TcpOutcome::open, 1, ""});
    for (const auto& p : requests.stun) {
        StunObservation s;
        s.probe = p;
        s.outcome.binding_answered = true;
        s.outcome.msturn_allocate_answered = true;
        s.outcome.error_code = 401;
        s.outcome.silence = false;
        w.observations.stun.push_back(s);
    }
}

void tcp(World& w, const std::string& address, int port, TcpOutcome outcome) {
    for (auto& o : w.observations.tcp) {
        if (o.probe.address == address && o.probe.port == port) o.outcome = outcome;
    }
}

void stun(World& w, const std::string& address, bool binding, bool allocate, bool icmp) {
    for (auto& o : w.observations.stun) {
        if (o.probe.address != address) continue;
        o.outcome.binding_answered = binding;
        o.outcome.msturn_allocate_answered = allocate;
        o.outcome.silence = !binding && !allocate;
        o.outcome.port_unreachable = icmp;
        if (!allocate) o.outcome.error_code.reset();
    }
}

struct Row {
    std::string name;
    std::vector<ProbeSide> sides;
    std::string check;
    std::string subject;
    std::function<void(World&)> change;
    Status expected;
    std::pair<std::string, std::string> evidence;
};

const std::vector<Row>& rows() {
    const std::vector<ProbeSide> ext{ProbeSide::external};
    const std::vector<ProbeSide> in{ProbeSide::internal};
    const std::vector<ProbeSide> edge{ProbeSide::edge};
    static const std::vector<Row> table = {
        {"pass - Access Edge 443 open",
         ext,
         "PORT-EXT-05",
         "tcp:203.0.113.12:443",
         [](World&) {},
         Status::pass,
         {"observed", "open"}},
        {"fail - closed (RST)",
         ext,
         "PORT-EXT-05",
         "tcp:203.0.113.12:443",
         [](World& w) { tcp(w, "203.0.113.12", 443, TcpOutcome::closed); },
         Status::fail,
         {"observed", "closed"}},
        {"fail - filtered (silence)",
         ext,
         "PORT-EXT-06",
         "tcp:203.0.113.11:5061",
         [](World& w) { tcp(w, "203.0.113.11", 5061, TcpOutcome::filtered); },
         Status::fail,
         {"observed", "filtered"}},
        {"fail - unreachable (ICMP)",
         ext,
         "PORT-EXT-08",
         "tcp:203.0.113.21:443",
         [](World& w) { tcp(w, "203.0.113.21", 443, TcpOutcome::unreachable); },
         Status::fail,
         {"observed", "unreachable"}},
        {"error - the probe could not run here",
         ext,
         "PORT-EXT-13",
         "tcp:203.0.113.31:443",
         [](World& w) { tcp(w, "203.0.113.31", 443, TcpOutcome::local_error); },
         Status::error,
         {"observed", "local_error"}},
        {"pass - XMPP 5269 open",
         ext,
         "PORT-EXT-01",
         "tcp:203.0.113.11:5269",
         [](World&) {},
         Status::pass,
         {"port", "5269"}},
        {"pass - STUN Binding and MS-TURN Allocate answered",
         ext,
         "PORT-EXT-12",
         "udp:203.0.113.31:3478",
         [](World&) {},
         Status::pass,
         {"observed", "binding+allocate"}},
        {"pass - STUN Binding only",
         ext,
         "PORT-EXT-12",
         "udp:203.0.113.31:3478",
         [](World& w) { stun(w, "203.0.113.31", true, false, false); },
         Status::pass,
         {"observed", "binding"}},
        {"pass - MS-TURN Allocate only",
         ext,
         "PORT-EXT-12",
         "udp:203.0.113.32:3478",
         [](World& w) { stun(w, "203.0.113.32", false, true, false); },
         Status::pass,
         {"observed", "allocate"}},
        {"fail - STUN silence",
         ext,
         "PORT-EXT-12",
         "udp:203.0.113.32:3478",
         [](World& w) { stun(w, "203.0.113.32", false, false, false); },
         Status::fail,
         {"observed", "silence"}},
        {"fail - ICMP port unreachable",
         ext,
         "PORT-EXT-12",
         "udp:203.0.113.32:3478",
         [](World& w) { stun(w, "203.0.113.32", false, false, true); },
         Status::fail,
         {"observed", "port_unreachable"}},
        {"skip - internal rules need --from internal",
         ext,
         "PORT-INT-02",
         "topology",
         [](World&) {},
         Status::skip,
         {}},
        {"pass - Edge internal 5061 open from inside",
         in,
         "PORT-INT-02",
         "tcp:10.0.30.11:5061",
         [](World&) {},
         Status::pass,
         {"row", "I2"}},
        {"fail - Edge internal 8057 filtered",
         in,
         "PORT-INT-04",
         "tcp:10.0.30.12:8057",
         [](World& w) { tcp(w, "10.0.30.12", 8057, TcpOutcome::filtered); },
         Status::fail,
         {"observed", "filtered"}},
        {"warn - logging port closed (should)",
         in,
         "PORT-INT-09",
         "tcp:10.0.30.11:50002",
         [](World& w) { tcp(w, "10.0.30.11", 50002, TcpOutcome::closed); },
         Status::warn,
         {"observed", "closed"}},
        {"fail - internal STUN silence",
         in,
         "PORT-INT-06",
         "udp:10.0.30.11:3478",
         [](World& w) { stun(w, "10.0.30.11", false, false, false); },
         Status::fail,
         {"observed", "silence"}},
        {"pass - outbound 5061 reaches the responder",
         edge,
         "PORT-EXT-07",
         "tcp:127.0.0.9:5061",
         [](World&) {},
         Status::pass,
         {"row", "X7"}},
        {"fail - outbound 80 filtered",
         edge,
         "PORT-EXT-03",
         "tcp:127.0.0.9:80",
         [](World& w) { tcp(w, "127.0.0.9", 80, TcpOutcome::filtered); },
         Status::fail,
         {"observed", "filtered"}},
        {"pass - outbound 5269 reaches the responder",
         edge,
         "PORT-EXT-02",
         "tcp:127.0.0.9:5269",
         [](World&) {},
         Status::pass,
         {"observed", "open"}},
        {"fail - outbound DNS over TCP closed",
         edge,
         "PORT-EXT-04",
         "tcp:127.0.0.9:53",
         [](World& w) { tcp(w, "127.0.0.9", 53, TcpOutcome::closed); },
         Status::fail,
         {"observed", "closed"}},
        {"fail - outbound A/V 443 filtered",
         edge,
         "PORT-EXT-14",
         "tcp:127.0.0.9:443",
         [](World& w) { tcp(w, "127.0.0.9", 443, TcpOutcome::filtered); },
         Status::fail,
         {"observed", "filtered"}},
        {"fail - Edge internal to next hop 5061 unreachable",
         edge,
         "PORT-INT-03",
         "tcp:127.0.0.9:5061",
         [](World& w) { tcp(w, "127.0.0.9", 5061, TcpOutcome::unreachable); },
         Status::fail,
         {"observed", "unreachable"}},
        {"pass - XMPP gateway 23456 open on each member",
         in,
         "PORT-INT-01",
         "tcp:10.0.30.12:23456",
         [](World&) {},
         Status::pass,
         {"port", "23456"}},
        {"fail - MRAS 5062 closed",
         in,
         "PORT-INT-05",
         "tcp:10.0.30.11:5062",
         [](World& w) { tcp(w, "10.0.30.11", 5062, TcpOutcome::closed); },
         Status::fail,
         {"observed", "closed"}},
        {"fail - internal A/V TCP 443 filtered",
         in,
         "PORT-INT-07",
         "tcp:10.0.30.12:443",
         [](World& w) { tcp(w, "10.0.30.12", 443, TcpOutcome::filtered); },
         Status::fail,
         {"observed", "filtered"}},
        {"pass - replication 4443 open",
         in,
         "PORT-INT-08",
         "tcp:10.0.30.11:4443",
         [](World&) {},
         Status::pass,
         {"port", "4443"}},
    };
    return table;
}

class PortsLive : public ::testing::TestWithParam<Row> {};

TEST_P(PortsLive, Row) {
    const Row& row = GetParam();
    World w = load_world(dnslb_topology());
    w.settings.sides = row.sides;
    w.settings.responder = "127.0.0.9";
    all_healthy(w);
    row.change(w);
    const auto findings = w.run(row.check);
    const Finding* f = find(findings, row.subject);
    ASSERT_NE(f, nullptr) << row.name << " (" << findings.size() << " findings)";
    EXPECT_EQ(to_string(f->status), std::string(to_string(row.expected)))
        << row.name << ": " << f->message;
    if (!row.evidence.first.empty()) {
        EXPECT_TRUE(has_evidence(*f, row.evidence.first, row.evidence.second))
            << row.name << ": no " << row.evidence.first << "=" << row.evidence.second;
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, PortsLive, ::testing::ValuesIn(rows()), [](const auto& row_info) {
    std::string n = std::to_string(row_info.index) + "_" + row_info.param.name;
    for (char& c : n) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return n;
});

}  // namespace
}  // namespace edgeplan::checks::live_test
