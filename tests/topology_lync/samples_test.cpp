// The project's own Lync samples (samples/lync-published, samples/lync-tbxml) import as their
// header comments describe.
#include <gtest/gtest.h>

#include "lync_expectations.h"
#include "lync_test_support.h"

namespace edgeplan::topology::lync_test {
namespace {

struct SampleCase {
    std::string name;
    std::string file;
    ExpectedModel expected;
};

std::vector<SampleCase> sample_cases() {
    return {
        {"imports_lync2013_published_separate_ips_nat_on_av",
         "samples/lync-published/topology.xml",
         {TopologyFormat::lync_published,
          "6",
          "corp.example*,brand.example",
          "1=HQ",
          {"fepool.corp.example site=1 fqdn=fepool.corp.example kind=front-end cms=1 "
           "edge=edgepool.dmz.corp.example "
           "servers=fe01.corp.example=172.16.1.21,fe02.corp.example"},
          {{"edgepool.dmz.corp.example",
            "site=1 internal=edgepool.dmz.corp.example lb=dns single_ip=0 nat=1 federation=1 "
            "xmpp=1 next_hop=fepool.corp.example associated=fepool.corp.example",
            "access=sip.corp.example webconf=webconf.corp.example av=av.corp.example",
            "client=443 fed=5061 webconf=443 tcp=443 udp=3478 media=50000+10000 xmpp=5269 | "
            "sip=5061 psom=8057 mras=5062 tcp=443 udp=3478 xmpp=23456 repl=4443",
            // Only the A/V interface (External 3) is translated by NAT.
            {"edge01.dmz.corp.example internal=172.16.10.11 access=10.20.0.11 "
             "webconf=10.20.0.12 av=10.20.0.13>203.0.113.13",
             "edge02.dmz.corp.example internal=172.16.10.12 access=10.20.0.21 "
             "webconf=10.20.0.22 av=10.20.0.23>203.0.113.23"}}}}},
        {"imports_sfb2015_tbxml_single_ip_edge_behind_director",
         "samples/lync-tbxml/topology.tbxml",
         {TopologyFormat::lync_builder,
          "7",
          "fabrikam.example*,fabrikam-brand.example",
          "1=Paris",
          {"se01.fabrikam.example site=1 fqdn=se01.fabrikam.example kind=standard-edition cms=1 "
           "edge=edge01.dmz.fabrikam.example servers=se01.fabrikam.example",
           "dirpool.fabrikam.example site=1 fqdn=dirpool.fabrikam.example kind=director cms=0 "
           "edge= servers=dir01.fabrikam.example=172.16.2.10"},
          {{"edge01.dmz.fabrikam.example",
            "site=1 internal=edge01.dmz.fabrikam.example lb=single single_ip=1 nat=0 "
            "federation=1 xmpp=0 next_hop=dirpool.fabrikam.example "
            "associated=se01.fabrikam.example",
            "access=sip.fabrikam.example webconf=sip.fabrikam.example av=sip.fabrikam.example",
            "client=5061 fed=5061 webconf=444 tcp=443 udp=3478 media=50000+10000 xmpp=5269 | "
            "sip=5061 psom=8057 mras=5062 tcp=443 udp=3478 xmpp=23456 repl=4443",
            {"edge01.dmz.fabrikam.example internal=172.16.20.10 access=198.51.100.10 "
             "webconf=198.51.100.10 av=198.51.100.10"}}}}},
    };
}

// Rows print as their names in gtest output.
void PrintTo(const SampleCase& row, std::ostream* out) { *out << row.name; }

class LyncSample : public ::testing::TestWithParam<SampleCase> {};

TEST_P(LyncSample, ImportsAsDescribed) {
    expect_model(load_file(source_dir() + "/" + GetParam().file), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Samples, LyncSample, ::testing::ValuesIn(sample_cases()),
                         [](const auto& row) { return row.param.name; });

// The tbxml sample stands for what Topology Builder writes: UTF-8 with BOM and CRLF.
TEST(LyncSampleEncoding, TbxmlSampleIsUtf8WithBomAndCrlf) {
    const std::string bytes = read_bytes(source_dir() + "/samples/lync-tbxml/topology.tbxml");
    EXPECT_EQ(bytes.rfind("\xEF\xBB\xBF", 0), 0u);
    EXPECT_NE(bytes.find("\r\n"), std::string::npos);
    EXPECT_EQ(to_crlf(bytes), bytes) << "every line ends with CRLF";
}

// The settings sample is read by the settings reader (topology/edgeplan_reader.h); here only
// its shape: an edgeplan <Settings> document that names the sample's Edge pool.
TEST(LyncSampleSettings, SettingsSampleIsAnEdgeplanSettingsDocumentForTheSamplePool) {
    const XmlSource settings(source_dir() + "/samples/lync-published/settings.xml");
    EXPECT_EQ(local_name(settings.root()), "Settings");
    EXPECT_EQ(namespace_of(settings.root()), "urn:edgeplan:topology:1");
    const Model model = load_file(source_dir() + "/samples/lync-published/topology.xml");
    ASSERT_EQ(model.edge_pools.size(), 1u);
    EXPECT_EQ(settings.root().child("EdgePool").attribute("ref").value(),
              model.edge_pools.front().id);
}

}  // namespace
}  // namespace edgeplan::topology::lync_test
