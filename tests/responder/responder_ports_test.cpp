// checks/responder_ports: which ports `edgeplan listen` binds per role, over hand-built plans.
#include "checks/responder_ports.h"

#include <gtest/gtest.h>

#include <cctype>
#include <sstream>

#include "tests/responder/responder_test_support.h"

namespace edgeplan::checks {
namespace {

using namespace responder_test;

// "tcp/443[PORT-EXT-05,PORT-EXT-08] tcp/50000-59999[PORT-EXT-10]": consecutive ports with the
// same rules folded into a range, so a 10,000-port expectation stays one readable token.
std::string describe(const std::vector<ResponderPort>& ports) {
    std::ostringstream out;
    for (std::size_t i = 0; i < ports.size();) {
        std::size_t j = i;
        while (j + 1 < ports.size() && ports[j + 1].transport == ports[i].transport &&
               ports[j + 1].port == ports[j].port + 1 && ports[j + 1].rules == ports[i].rules) {
            ++j;
        }
        out << (i ? " " : "") << topology::to_string(ports[i].transport) << "/" << ports[i].port;
        if (j > i) out << "-" << ports[j].port;
        out << "[";
        for (std::size_t r = 0; r < ports[i].rules.size(); ++r) {
            out << (r ? "," : "") << ports[i].rules[r];
        }
        out << "]";
        i = j + 1;
    }
    return out.str();
}

struct Row {
    const char* name;
    topology::Plan plan;
    ResponderRole role;
    int sample;
    const char* expected;
};

class ResponderPortsTest : public ::testing::TestWithParam<Row> {};

TEST_P(ResponderPortsTest, SelectsThePortsThePlanExpects) {
    const Row& row = GetParam();
    EXPECT_EQ(describe(responder_ports(row.plan, row.role, row.sample)), row.expected);
}

const Row rows[] = {
    {"edge_external - inbound external rules only, 443 shared by three services", edge_plan(),
     ResponderRole::edge_external, 0,
     "tcp/443[PORT-EXT-05,PORT-EXT-08,PORT-EXT-13] tcp/5061[PORT-EXT-06] "
     "tcp/5269[PORT-EXT-01] udp/3478[PORT-EXT-12]"},
    {"edge_external - no XMPP, no 5269", edge_plan(false), ResponderRole::edge_external, 0,
     "tcp/443[PORT-EXT-05,PORT-EXT-08,PORT-EXT-13] tcp/5061[PORT-EXT-06] "
     "udp/3478[PORT-EXT-12]"},
    {"edge_external - OCS 2007 partner, whole media range both transports", ocs2007_plan(),
     ResponderRole::edge_external, 0,
     "tcp/443[PORT-EXT-05,PORT-EXT-08,PORT-EXT-13] tcp/5061[PORT-EXT-06] "
     "tcp/5269[PORT-EXT-01] tcp/50000-59999[PORT-EXT-10] udp/3478[PORT-EXT-12] "
     "udp/50000-59999[PORT-EXT-10]"},
    {"edge_external - OCS 2007 partner, sample 5 spread from 50000 to 59999", ocs2007_plan(),
     ResponderRole::edge_external, 5,
     "tcp/443[PORT-EXT-05,PORT-EXT-08,PORT-EXT-13] tcp/5061[PORT-EXT-06] "
     "tcp/5269[PORT-EXT-01] tcp/50000[PORT-EXT-10] tcp/52499[PORT-EXT-10] "
     "tcp/54999[PORT-EXT-10] tcp/57499[PORT-EXT-10] tcp/59999[PORT-EXT-10] "
     "udp/3478[PORT-EXT-12] udp/50000[PORT-EXT-10] udp/52499[PORT-EXT-10] "
     "udp/54999[PORT-EXT-10] udp/57499[PORT-EXT-10] udp/59999[PORT-EXT-10]"},
    {"edge_internal - inbound internal rules, CLS range whole", edge_plan(),
     ResponderRole::edge_internal, 0,
     "tcp/443[PORT-INT-07] tcp/4443[PORT-INT-08] tcp/5061[PORT-INT-02] tcp/5062[PORT-INT-05] "
     "tcp/8057[PORT-INT-04] tcp/23456[PORT-INT-01] tcp/50001-50003[PORT-INT-09] "
     "udp/3478[PORT-INT-06]"},
    {"edge_internal - sample larger than the CLS range keeps it whole", edge_plan(),
     ResponderRole::edge_internal, 100,
     "tcp/443[PORT-INT-07] tcp/4443[PORT-INT-08] tcp/5061[PORT-INT-02] tcp/5062[PORT-INT-05] "
     "tcp/8057[PORT-INT-04] tcp/23456[PORT-INT-01] tcp/50001-50003[PORT-INT-09] "
     "udp/3478[PORT-INT-06]"},
    {"edge_internal - sample 1 keeps the first port of a range", edge_plan(false),
     ResponderRole::edge_internal, 1,
     "tcp/443[PORT-INT-07] tcp/4443[PORT-INT-08] tcp/5061[PORT-INT-02] tcp/5062[PORT-INT-05] "
     "tcp/8057[PORT-INT-04] tcp/50001[PORT-INT-09] udp/3478[PORT-INT-06]"},
    {"partner - outbound external rules without CRL (80) and DNS (53)", edge_plan(),
     ResponderRole::partner, 0,
     "tcp/443[PORT-EXT-14] tcp/5061[PORT-EXT-07] tcp/5269[PORT-EXT-02] "
     "tcp/50000-59999[PORT-EXT-09] udp/3478[PORT-EXT-11]"},
    {"partner - OCS 2007 partner adds the UDP media range, sample 2", ocs2007_plan(),
     ResponderRole::partner, 2,
     "tcp/443[PORT-EXT-14] tcp/5061[PORT-EXT-07] tcp/5269[PORT-EXT-02] "
     "tcp/50000[PORT-EXT-09] tcp/59999[PORT-EXT-09] udp/3478[PORT-EXT-11] "
     "udp/50000[PORT-EXT-10] udp/59999[PORT-EXT-10]"},
    {"empty - a plan without firewall rules", topology::Plan{}, ResponderRole::edge_external, 0,
     ""},
};

INSTANTIATE_TEST_SUITE_P(Roles, ResponderPortsTest, ::testing::ValuesIn(rows),
                         [](const ::testing::TestParamInfo<Row>& param) {
                             std::string name;
                             for (const char* c = param.param.name; *c; ++c) {
                                 name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
                             }
                             return name;
                         });

TEST(ResponderRoleTest, ParsesTheThreeRoleNamesOnly) {
    for (const char* name : {"edge-external", "edge-internal", "partner"}) {
        const std::optional<ResponderRole> role = parse_responder_role(name);
        ASSERT_TRUE(role) << name;
        EXPECT_STREQ(to_string(*role), name);
    }
    EXPECT_FALSE(parse_responder_role("edge"));
    EXPECT_FALSE(parse_responder_role("Partner"));
}

}  // namespace
}  // namespace edgeplan::checks
