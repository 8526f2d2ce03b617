// How an EdgeServer service maps to an EdgePool, on small published documents that vary one
// thing at a time: interface numbering, NAT, federation/XMPP ports, pool size, IPv6.
#include <gtest/gtest.h>

#include "lync_test_support.h"

namespace edgeplan::topology::lync_test {
namespace {

// A front end pool (cluster 1) and an Edge pool (cluster 2) whose machines and Edge ports the
// row supplies.
std::string published(const std::string& edge_machines, const std::string& edge_ports) {
    return R"(<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
  <InternalDomains DefaultDomain="corp.example"><InternalDomain Name="corp.example"/></InternalDomains>
  <Sites><CentralSite SiteId="1"><Name>HQ</Name></CentralSite></Sites>
  <Clusters>
    <Cluster Fqdn="fe.corp.example"><ClusterId SiteId="1" Number="1"/>
      <Machine Fqdn="fe.corp.example"><NetInterface InterfaceSide="Primary" InterfaceNumber="1" IPAddress="0.0.0.0"/></Machine>
    </Cluster>
    <Cluster Fqdn="edgepool.corp.example"><ClusterId SiteId="1" Number="2"/>)" +
           edge_machines + R"(</Cluster>
  </Clusters>
  <Services>
    <Service ServiceVersion="6"><ServiceId SiteId="1" RoleName="Registrar" Instance="1"/>
      <DependsOn><Dependency><ServiceId SiteId="1" RoleName="EdgeServer" Instance="1"/></Dependency></DependsOn>
      <InstalledOn><ClusterId SiteId="1" Number="1"/></InstalledOn>
    </Service>
    <Service ServiceVersion="6"><ServiceId SiteId="1" RoleName="EdgeServer" Instance="1"/>
      <DependsOn><Dependency><ServiceId SiteId="1" RoleName="Registrar" Instance="1"/></Dependency></DependsOn>
      <InstalledOn><ClusterId SiteId="1" Number="2"/></InstalledOn>
      <Ports xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008">)" +
           edge_ports + R"(</Ports>
    </Service>
  </Services>
</Topology>)";
}

std::string port(const std::string& owner, const std::string& usage, int number, int value,
                 const std::string& protocol, const std::string& fqdn) {
    return "<Port Owner=\"urn:component:" + owner + "\" Usage=\"" + usage +
           "\" InterfaceSide=\"External\" InterfaceNumber=\"" + std::to_string(number) +
           "\" Port=\"" + std::to_string(value) + "\" Protocol=\"" + protocol + "\"" +
           (fqdn.empty() ? "" : " ConfiguredFqdn=\"" + fqdn + "\"") + "/>";
}

std::string net(const std::string& side, int number, const std::string& ip,
                const std::string& configured = "") {
    return "<NetInterface InterfaceSide=\"" + side + "\" InterfaceNumber=\"" +
           std::to_string(number) + "\" IPAddress=\"" + ip + "\"" +
           (configured.empty() ? "" : " ConfiguredIPAddress=\"" + configured + "\"") + "/>";
}

std::string machine(const std::string& fqdn, const std::string& interfaces) {
    return "<Machine Fqdn=\"" + fqdn + "\">" + interfaces + "</Machine>";
}

// Access on interface a, Web Conferencing on w, A/V on v, each with its own FQDN.
std::string three_services(int a, int w, int v) {
    return port("AccessEdge", "SipClient", a, 443, "Tls", "sip.corp.example") +
           port("DataEdge", "PsomClient", w, 443, "Tls", "webconf.corp.example") +
           port("MediaRelayEdge", "TURNServer", v, 443, "Tcp", "av.corp.example") +
           port("MediaRelayEdge", "TURNServer", v, 3478, "Udp", "av.corp.example");
}

struct MappingCase {
    std::string name;
    std::string machines;
    std::string ports;
    std::string flags;
    std::vector<std::string> members;
};

const std::string kNoFedNextHop = " next_hop=fe.corp.example associated=fe.corp.example";

std::vector<MappingCase> cases() {
    const std::string one_ip_machine = machine(
        "edge01.corp.example", net("Internal", 1, "172.16.0.1") + net("External", 1, "192.0.2.1"));
    return {
        {"addresses_follow_each_ports_interface_number_not_a_fixed_order",
         machine("edge01.corp.example",
                 net("Internal", 1, "172.16.0.1") + net("External", 1, "192.0.2.11") +
                     net("External", 2, "192.0.2.12") + net("External", 3, "192.0.2.13")),
         three_services(3, 1, 2),
         "site=1 internal=edgepool.corp.example lb=single single_ip=0 nat=0 federation=0 "
         "xmpp=0" +
             kNoFedNextHop,
         {"edge01.corp.example internal=172.16.0.1 access=192.0.2.13 webconf=192.0.2.11 "
          "av=192.0.2.12"}},
        {"nat_with_unknown_public_address_when_configured_ip_is_0_0_0_0",
         machine("edge01.corp.example",
                 net("Internal", 1, "172.16.0.1") + net("External", 1, "10.0.0.1", "0.0.0.0")),
         three_services(1, 1, 1),
         "site=1 internal=edgepool.corp.example lb=single single_ip=0 nat=1 federation=0 "
         "xmpp=0" +
             kNoFedNextHop,
         {"edge01.corp.example internal=172.16.0.1 access=10.0.0.1 webconf=10.0.0.1 "
          "av=10.0.0.1"}},
        {"single_ip_when_one_interface_and_one_fqdn_serve_all_three",
         one_ip_machine,
         port("AccessEdge", "SipClient", 1, 5061, "Tls", "sip.corp.example") +
             port("DataEdge", "PsomClient", 1, 444, "Tls", "sip.corp.example") +
             port("MediaRelayEdge", "TURNServer", 1, 443, "Tcp", "sip.corp.example"),
         "site=1 internal=edgepool.corp.example lb=single single_ip=1 nat=0 federation=0 "
         "xmpp=0" +
             kNoFedNextHop,
         {"edge01.corp.example internal=172.16.0.1 access=192.0.2.1 webconf=192.0.2.1 "
          "av=192.0.2.1"}},
        {"federation_and_xmpp_when_their_listener_ports_exist",
         one_ip_machine,
         three_services(1, 1, 1) +
             port("AccessEdge", "SipServer", 1, 5061, "Mtls", "sip.corp.example") +
             port("XmppFederationProxy", "XmppServer", 1, 5269, "Tls", ""),
         "site=1 internal=edgepool.corp.example lb=single single_ip=0 nat=0 federation=1 "
         "xmpp=1" +
             kNoFedNextHop,
         {"edge01.corp.example internal=172.16.0.1 access=192.0.2.1 webconf=192.0.2.1 "
          "av=192.0.2.1"}},
        {"dns_load_balancing_by_default_for_two_members_with_ipv6_canonicalised",
         machine("edge01.corp.example",
                 net("Internal", 1, "172.16.0.1") + net("External", 1, "2001:DB8:0:0::1")) +
             machine("edge02.corp.example",
                     net("Internal", 1, "172.16.0.2") + net("External", 1, "2001:db8::2")),
         three_services(1, 1, 1),
         "site=1 internal=edgepool.corp.example lb=dns single_ip=0 nat=0 federation=0 xmpp=0" +
             kNoFedNextHop,
         {"edge01.corp.example internal=172.16.0.1 access=2001:db8::1 webconf=2001:db8::1 "
          "av=2001:db8::1",
          "edge02.corp.example internal=172.16.0.2 access=2001:db8::2 webconf=2001:db8::2 "
          "av=2001:db8::2"}},
        {"unknown_addresses_when_the_member_lacks_the_ports_interface",
         machine("edge01.corp.example", net("Internal", 1, "172.16.0.1")),
         three_services(1, 1, 1),
         "site=1 internal=edgepool.corp.example lb=single single_ip=0 nat=0 federation=0 "
         "xmpp=0" +
             kNoFedNextHop,
         {"edge01.corp.example internal=172.16.0.1 access= webconf= av="}},
    };
}

// Rows print as their names in gtest output.
void PrintTo(const MappingCase& row, std::ostream* out) { *out << row.name; }

class EdgeMapping : public ::testing::TestWithParam<MappingCase> {};

TEST_P(EdgeMapping, MapsAsExpected) {
    const Model model = load_text("mapping.xml", published(GetParam().machines, GetParam().ports));
    ASSERT_EQ(model.edge_pools.size(), 1u);
    EXPECT_EQ(describe_edge_flags(model.edge_pools.front()), GetParam().flags);
    std::vector<std::string> members;
    for (const EdgeMember& m : model.edge_pools.front().members) {
        members.push_back(describe_member(m));
    }
    EXPECT_EQ(members, GetParam().members);
}

INSTANTIATE_TEST_SUITE_P(Lync, EdgeMapping, ::testing::ValuesIn(cases()),
                         [](const auto& row) { return row.param.name; });

}  // namespace
}  // namespace edgeplan::topology::lync_test
