// The live port checks over hand-built observations: TCP open / closed / filtered /
// unreachable, UDP 3478 STUN answers (binding, allocate only, silence, ICMP), and --from edge
// token echo toward the responder (echoed / silent / closed / wrong_answer / error).
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
    w.observations.token_echo.clear();
    for (const auto& t : requests.token_echo) {
        w.observations.token_echo.push_back({t, probes::EchoStatus::echoed, "", "partner", 1});
    }
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

void echo(World& w, const std::string& transport, int port, probes::EchoStatus status) {
    for (auto& o : w.observations.token_echo) {
        if (topology::to_string(o.target.transport) == transport && o.target.port == port) {
            o.status = status;
            o.detail = status == probes::EchoStatus::wrong_answer ? "answered: SSH-2.0" : "";
        }
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
        {"pass - outbound 5061 echoed by the responder",
         edge,
         "PORT-EXT-07",
         "tcp:127.0.0.9:5061",
         [](World&) {},
         Status::pass,
         {"observed", "echoed"}},
        {"fail - outbound 5269 silent (filtered)",
         edge,
         "PORT-EXT-02",
         "tcp:127.0.0.9:5269",
         [](World& w) { echo(w, "tcp", 5269, probes::EchoStatus::silent); },
         Status::fail,
         {"observed", "silent"}},
        {"fail - outbound A/V 443 closed",
         edge,
         "PORT-EXT-14",
         "tcp:127.0.0.9:443",
         [](World& w) { echo(w, "tcp", 443, probes::EchoStatus::closed); },
         Status::fail,
         {"observed", "closed"}},
        {"fail - Edge internal to next hop 5061 answered by something else",
         edge,
         "PORT-INT-03",
         "tcp:127.0.0.9:5061",
         [](World& w) { echo(w, "tcp", 5061, probes::EchoStatus::wrong_answer); },
         Status::fail,
         {"observed", "wrong_answer"}},
        {"error - outbound A/V 443 probe could not run",
         edge,
         "PORT-EXT-14",
         "tcp:127.0.0.9:443",
         [](World& w) { echo(w, "tcp", 443, probes::EchoStatus::error); },
         Status::error,
         {"observed", "error"}},
        {"skip - no outbound UDP 3478 rule in this plan (no Lync 2010 partner)",
         edge,
         "PORT-EXT-11",
         "topology",
         [](World&) {},
         Status::skip,
         {"", ""}},
        {"skip - no outbound UDP media range in this plan (no OCS 2007 partner)",
         edge,
         "PORT-EXT-10",
         "topology",
         [](World&) {},
         Status::skip,
         {"", ""}},
        {"pass - outbound media range first sampled port echoed",
         edge,
         "PORT-EXT-09",
         "tcp:127.0.0.9:50000",
         [](World&) {},
         Status::pass,
         {"observed", "echoed"}},
        {"fail - outbound media range last sampled port closed",
         edge,
         "PORT-EXT-09",
         "tcp:127.0.0.9:59999",
         [](World& w) { echo(w, "tcp", 59999, probes::EchoStatus::closed); },
         Status::fail,
         {"observed", "closed"}},
        {"skip - outbound DNS 53 is not answered by the partner responder",
         edge,
         "PORT-EXT-04",
         "topology",
         [](World&) {},
         Status::skip,
         {"", ""}},
        {"skip - outbound CRL 80 is not answered by the partner responder",
         edge,
         "PORT-EXT-03",
         "topology",
         [](World&) {},
         Status::skip,
         {"", ""}},
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
