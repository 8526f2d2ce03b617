// Real Lync / Skype for Business exports from public repositories (read-only, never copied into
// the repository: /work/shared/real-topologies/README.md). Expected values were read off the
// files by hand.
#include <gtest/gtest.h>

#include "lync_expectations.h"
#include "lync_test_support.h"
#include "tests/support/required.h"

namespace edgeplan::topology::lync_test {
namespace {

struct RealCase {
    std::string name;
    std::string file;
    ExpectedModel expected;
};

const std::string kSfb2015EdgeInternalPorts =
    "sip=5061 psom=8057 mras=5062 tcp=443 udp=3478 xmpp=23456 repl=4443";

std::vector<RealCase> real_cases() {
    return {
        {"imports_published_single_ip_nat_edge_without_xmpp",
         "SkypeforBusiness_lab_V3-DefaultTopology_Skype.xml",
         {TopologyFormat::lync_published,
          "7",
          "contoso.com*",
          "1=TVP",
          {"skypefe.contoso.com site=1 fqdn=skypefe.contoso.com kind=standard-edition cms=1 "
           "edge=edge.contoso.com servers=skypefe.contoso.com"},
          {{"edge.contoso.com",
            "site=1 internal=edge.contoso.com lb=single single_ip=1 nat=1 federation=1 xmpp=0 "
            "next_hop=skypefe.contoso.com associated=skypefe.contoso.com",
            "access=sip.contoso.com webconf=sip.contoso.com av=sip.contoso.com",
            // XMPP is off, so its port keeps the model default; A/V TCP is 442 in this file.
            "client=5061 fed=5061 webconf=444 tcp=442 udp=3478 media=50000+10000 xmpp=5269 | " +
                kSfb2015EdgeInternalPorts,
            // IPAddress="0.0.0.0" stays unknown; ConfiguredIPAddress="1.1.1.1" is the NAT
            // public address of the one external interface all three services share.
            {"edge.contoso.com internal= access=>1.1.1.1 webconf=>1.1.1.1 av=>1.1.1.1"}}}}},
        {"imports_tbxml_three_member_nat_edge_with_federation_and_xmpp",
         "SfBAutomatedLab-Contoso.tbxml",
         {TopologyFormat::lync_builder,
          "7",
          "contoso.com*",
          "1=Contoso",
          {"frontendpool.contoso.com site=1 fqdn=frontendpool.contoso.com kind=front-end cms=0 "
           "edge=edgepool.contoso.com servers=xfrontend1.contoso.com,xfrontend2.contoso.com,"
           "xfrontend3.contoso.com,xfrontend4.contoso.com"},
          {{"edgepool.contoso.com",
            "site=1 internal=edgepool.contoso.com lb=dns single_ip=1 nat=1 federation=1 xmpp=1 "
            "next_hop=frontendpool.contoso.com associated=frontendpool.contoso.com",
            "access=externaledge.contoso.com webconf=externaledge.contoso.com "
            "av=externaledge.contoso.com",
            "client=5061 fed=5061 webconf=444 tcp=443 udp=3478 media=50000+10000 xmpp=5269 | " +
                kSfb2015EdgeInternalPorts,
            {"xedge1.contoso.com internal=192.168.10.100 access=10.0.0.1>10.0.0.2 "
             "webconf=10.0.0.1>10.0.0.2 av=10.0.0.1>10.0.0.2",
             "xedge2.contoso.com internal=192.168.10.101 access=10.0.0.3>10.0.0.4 "
             "webconf=10.0.0.3>10.0.0.4 av=10.0.0.3>10.0.0.4",
             "xedge3.contoso.com internal=192.168.10.103 access=10.0.0.5>10.0.0.6 "
             "webconf=10.0.0.5>10.0.0.6 av=10.0.0.5>10.0.0.6"}}}}},
        // No Edge pool is not an input error: the model just has none (a check reports it).
        {"imports_published_without_edge_as_zero_edge_pools",
         "powershell-skype-DefaultTopology.xml",
         {TopologyFormat::lync_published,
          "",
          "tenant.rlevchenko.com*",
          "1=Tenant",
          {"poolfe.tenant.rlevchenko.com site=1 fqdn=poolfe.tenant.rlevchenko.com kind=front-end "
           "cms=1 edge= servers=skype-fe-01.tenant.rlevchenko.com"},
          {}}},
    };
}

// Rows print as their names in gtest output.
void PrintTo(const RealCase& row, std::ostream* out) { *out << row.name; }

class RealTopology : public ::testing::TestWithParam<RealCase> {};

TEST_P(RealTopology, ImportsAsReadByHand) {
    const std::string path = real_dir() + "/" + GetParam().file;
    if (!exists(path)) EDGEPLAN_REQUIRED_MISSING() << path << " is not available";
    expect_model(load_file(path), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(LyncReal, RealTopology, ::testing::ValuesIn(real_cases()),
                         [](const auto& row) { return row.param.name; });

// Positions point into the file: the Edge pool at its Cluster, a member at its Machine.
TEST(LyncRealLocations, EdgePoolAndMembersPointAtTheirElements) {
    const std::string path = real_dir() + "/SfBAutomatedLab-Contoso.tbxml";
    if (!exists(path)) EDGEPLAN_REQUIRED_MISSING() << path << " is not available";
    const std::string text = read_bytes(path);
    const Model model = load_file(path);
    ASSERT_EQ(model.edge_pools.size(), 1u);
    const EdgePool& pool = model.edge_pools.front();
    EXPECT_EQ(pool.where.file, path);
    EXPECT_EQ(pool.where.line, line_of(text, "Fqdn=\"edgepool.contoso.com\""));
    ASSERT_EQ(pool.members.size(), 3u);
    EXPECT_EQ(pool.members[1].where.line, line_of(text, "<Machine Fqdn=\"xedge2.contoso.com\""));
    EXPECT_EQ(pool.members[1].av.where.line, line_of(text, "IPAddress=\"10.0.0.3\""));
    EXPECT_EQ(pool.access.where.line,
              line_of(text, "Usage=\"SipClient\" InterfaceSide=\"External\""));
}

}  // namespace
}  // namespace edgeplan::topology::lync_test
