// The edgeplan format reader on the samples and on small inline documents.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
#include "topology/loader.h"

namespace {

using namespace edgeplan::topology;

Model load_sample(const std::string& name) {
    LoadRequest request;
    request.topology_path = EDGEPLAN_SOURCE_DIR "/samples/" + name + "/topology.xml";
    return load_model(request);
}

Model read_text(const std::string& text) {
    return read_edgeplan_topology(XmlSource::from_bytes("inline.xml", text));
}

// A minimal topology with `pool_body` inside the EdgePool and `pool_attributes` on it.
std::string minimal(const std::string& pool_attributes, const std::string& pool_body) {
    return "<Topology xmlns=\"urn:edgeplan:topology:1\">\n"
           "<SipDomains><SipDomain name=\"Contoso.COM\"/></SipDomains>\n"
           "<Sites><Site id=\"hq\">\n"
           "<FrontEndPool id=\"pool01\" fqdn=\"pool01.contoso.net\"/>\n"
           "<EdgePool internalFqdn=\"Edge.Contoso.NET\" nextHop=\"POOL01\" " +
           pool_attributes + ">\n" + pool_body +
           "</EdgePool>\n"
           "</Site></Sites>\n"
           "</Topology>\n";
}

TEST(EdgeplanReaderContoso, OkDomainsSitesAndPools) {
    const Model m = load_sample("contoso-docs");
    EXPECT_EQ(m.format, TopologyFormat::edgeplan);
    ASSERT_EQ(m.sip_domains.size(), 2u);
    EXPECT_EQ(m.sip_domains[0].name, "contoso.com");
    EXPECT_TRUE(m.sip_domains[0].is_default);
    EXPECT_EQ(m.sip_domains[0].mobile_push, std::optional<bool>(true));
    EXPECT_EQ(m.sip_domains[1].mobile_push, std::optional<bool>(false));
    EXPECT_EQ(m.default_sip_domain()->name, "contoso.com");
    ASSERT_EQ(m.xmpp_domains.size(), 1u);
    ASSERT_EQ(m.sites.size(), 1u);
    EXPECT_EQ(m.sites[0].federation_route, "edgepool");
    EXPECT_EQ(m.sites[0].xmpp_federation_route, "edgepool");
    ASSERT_EQ(m.internal_pools.size(), 1u);
    EXPECT_EQ(m.internal_pools[0].servers.size(), 2u);
    EXPECT_TRUE(m.internal_pools[0].hosts_cms);
    EXPECT_EQ(m.internal_pools[0].edge_pool, "edgepool");
}

TEST(EdgeplanReaderContoso, OkEdgePoolWithTwoNattedMembers) {
    const Model m = load_sample("contoso-docs");
    ASSERT_EQ(m.edge_pools.size(), 1u);
    const EdgePool& pool = m.edge_pools[0];
    EXPECT_EQ(pool.id, "edgepool");
    EXPECT_EQ(pool.internal_fqdn, "lsedge.contoso.net");
    EXPECT_EQ(pool.load_balancing, LoadBalancing::dns);
    EXPECT_TRUE(pool.nat);
    EXPECT_TRUE(pool.federation);
    EXPECT_TRUE(pool.xmpp);
    EXPECT_FALSE(pool.single_ip);
    EXPECT_EQ(pool.next_hop, "pool01");
    EXPECT_EQ(pool.associated_pools, std::vector<std::string>{"pool01"});
    EXPECT_EQ(pool.access.fqdn, "sip.contoso.com");
    EXPECT_EQ(pool.webconf.fqdn, "webcon.contoso.com");
    EXPECT_EQ(pool.av.fqdn, "av.contoso.com");
    ASSERT_EQ(pool.members.size(), 2u);
    const EdgeMember& edge01 = pool.members[0];
    EXPECT_EQ(edge01.internal_fqdn, "edge01.contoso.net");
    EXPECT_EQ(edge01.internal_ips, std::vector<std::string>{"172.25.33.10"});
    EXPECT_EQ(edge01.access.ips, std::vector<std::string>{"10.45.16.10"});
    EXPECT_EQ(edge01.access.public_ips, std::vector<std::string>{"131.107.155.10"});
    EXPECT_EQ(edge01.webconf.public_ips, std::vector<std::string>{"131.107.155.20"});
    EXPECT_EQ(edge01.av.public_ips, std::vector<std::string>{"131.107.155.30"});
    EXPECT_EQ(pool.members[1].av.public_ips, std::vector<std::string>{"131.107.155.31"});
    ASSERT_EQ(pool.certificates.size(), 2u);
    EXPECT_EQ(pool.certificates[0].sans.size(), 4u);
    EXPECT_EQ(pool.certificates[0].exportable_key, std::optional<bool>(true));
    EXPECT_FALSE(pool.certificates[0].server_eku.has_value());
    EXPECT_EQ(pool.certificates[1].use, CertificateUse::internal);
}

TEST(EdgeplanReaderContoso, OkFederationPoliciesAndMedia) {
    const Model m = load_sample("contoso-docs");
    EXPECT_TRUE(m.federation.stated);
    EXPECT_EQ(m.federation.enabled, std::optional<bool>(true));
    EXPECT_EQ(m.federation.partner_discovery, std::optional<bool>(true));
    EXPECT_EQ(m.federation.routing, std::optional<RoutingMethod>(RoutingMethod::dns_srv));
    ASSERT_EQ(m.federation.allowed.size(), 2u);
    EXPECT_EQ(m.federation.allowed[0].version, PartnerVersion::lync2013);
    EXPECT_EQ(m.federation.allowed[1].domain, "push.lync.com");
    ASSERT_EQ(m.federation.hosting_providers.size(), 1u);
    EXPECT_EQ(m.federation.hosting_providers[0].proxy_fqdn, "sipfed.online.lync.com");
    ASSERT_EQ(m.federation.xmpp_partners.size(), 1u);
    EXPECT_EQ(m.federation.xmpp_partners[0].type, XmppPartnerType::public_unverified);
    EXPECT_EQ(m.federation.xmpp_partners[0].tls, Negotiation::not_supported);
    ASSERT_EQ(m.policies.size(), 1u);
    EXPECT_TRUE(m.policies[0].xmpp);
    EXPECT_FALSE(m.policies[0].public_im);
    EXPECT_EQ(m.media_encryption, std::optional<EncryptionLevel>(EncryptionLevel::require));
}

TEST(EdgeplanReaderContoso, OkEveryElementHasItsSourceLocation) {
    const Model m = load_sample("contoso-docs");
    const std::string file = EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml";
    auto at = [&](const SourceLocation& where, int line, int column) {
        return where.file == file && where.line == line && where.column == column;
    };
    EXPECT_TRUE(at(m.where, 8, 1)) << m.where.to_string();
    EXPECT_TRUE(at(m.sip_domains[1].where, 11, 5)) << m.sip_domains[1].where.to_string();
    EXPECT_TRUE(at(m.sites[0].where, 17, 5)) << m.sites[0].where.to_string();
    EXPECT_TRUE(at(m.internal_pools[0].servers[1].where, 21, 9));
    EXPECT_TRUE(at(m.edge_pools[0].where, 23, 7)) << m.edge_pools[0].where.to_string();
    EXPECT_TRUE(at(m.edge_pools[0].members[1].where, 36, 9));
    EXPECT_TRUE(at(m.edge_pools[0].members[1].av.where, 39, 11));
    EXPECT_TRUE(at(m.federation.where, 51, 3)) << m.federation.where.to_string();
    EXPECT_TRUE(at(m.policies[0].where, 60, 5));
}

struct PortRow {
    const char* name;
    std::string pool_attributes;
    std::string pool_body;
    int access_client, webconf, av_tcp;
    bool single_ip;
};

void PrintTo(const PortRow& row, std::ostream* out) { *out << row.name; }

class EdgeplanPortDefaults : public testing::TestWithParam<PortRow> {};

TEST_P(EdgeplanPortDefaults, PortsFollowDeftopo) {
    const PortRow& row = GetParam();
    const Model m = read_text(minimal(row.pool_attributes, row.pool_body));
    const EdgePool& pool = m.edge_pools.at(0);
    EXPECT_EQ(pool.single_ip, row.single_ip);
    EXPECT_EQ(pool.ports.access_client, row.access_client);
    EXPECT_EQ(pool.ports.webconf, row.webconf);
    EXPECT_EQ(pool.ports.av_tcp, row.av_tcp);
    EXPECT_EQ(pool.ports.access_federation, 5061);
}

const std::string shared_address =
    "<Member internalFqdn=\"e1.contoso.net\"><Address service=\"all\" ip=\"192.0.2.1\"/>"
    "</Member>\n";

INSTANTIATE_TEST_SUITE_P(
    Rows, EdgeplanPortDefaults,
    testing::Values(
        PortRow{"three_ips_443", "", "", 443, 443, 443, false},
        PortRow{"single_ip_attribute_5061_444_443", "singleIp=\"true\"", "", 5061, 444, 443, true},
        PortRow{"address_all_implies_single_ip", "", shared_address, 5061, 444, 443, true},
        PortRow{"single_ip_false_overrides_all", "singleIp=\"false\"", shared_address, 443, 443,
                443, false},
        PortRow{"explicit_ports_win", "singleIp=\"true\"",
                "<External><Access fqdn=\"sip.contoso.com\" clientPort=\"443\"/>"
                "<WebConferencing fqdn=\"w.contoso.com\" port=\"8443\"/></External>\n",
                443, 8443, 443, true}),
    [](const testing::TestParamInfo<PortRow>& row_info) {
        return std::string("ok_") + row_info.param.name;
    });

TEST(EdgeplanReaderValues, OkIpsCanonicalAndFqdnsLowerCase) {
    const Model m = read_text(
        minimal("",
                "<Member internalFqdn=\"E1.Contoso.NET\" internalIp=\" 10.0.0.1 \" "
                "internalIpv6=\"FD00:0:0::0001\"><InternalIp address=\"10.0.1.1\"/>"
                "<Address service=\"av\" ip=\"2001:DB8:0:0::10\" public=\"2001:db8::0:11\"/>"
                "<Address service=\"av\" ip=\"192.0.2.10\"/></Member>\n"));
    EXPECT_EQ(m.sip_domains[0].name, "contoso.com");
    const EdgePool& pool = m.edge_pools.at(0);
    EXPECT_EQ(pool.id, "edge.contoso.net");  // id defaults to the internal FQDN
    EXPECT_EQ(pool.next_hop, "pool01");      // references resolve case-insensitively
    const EdgeMember& member = pool.members.at(0);
    EXPECT_EQ(member.internal_fqdn, "e1.contoso.net");
    EXPECT_EQ(member.internal_ips, (std::vector<std::string>{"10.0.0.1", "fd00::1", "10.0.1.1"}));
    EXPECT_EQ(member.av.ips, (std::vector<std::string>{"2001:db8::10", "192.0.2.10"}));
    EXPECT_EQ(member.av.public_ips, std::vector<std::string>{"2001:db8::11"});
    EXPECT_TRUE(member.access.ips.empty());
}

TEST(EdgeplanReaderValues, OkCatalogueMattersLoadAsWritten) {
    // Underscores in FQDNs, 13 members and a member without addresses are findings, not errors.
    std::string members;
    for (int i = 0; i < 13; ++i) {
        members += "<Member internalFqdn=\"edge_" + std::to_string(i) + ".contoso.net\"/>\n";
    }
    const Model m = read_text(minimal("loadBalancing=\"dns\"", members));
    EXPECT_EQ(m.edge_pools.at(0).members.size(), 13u);
    EXPECT_EQ(m.edge_pools.at(0).members[0].internal_fqdn, "edge_0.contoso.net");
    EXPECT_FALSE(m.federation.stated);
    EXPECT_TRUE(m.policies.empty());
    EXPECT_FALSE(m.media_encryption.has_value());
}

TEST(EdgeplanReaderValues, OkHardwareVipsAndIpv6Sample) {
    const Model s5 = load_sample("s5-hlb");
    const EdgePool& pool = s5.edge_pools.at(0);
    ASSERT_TRUE(pool.vips.has_value());
    EXPECT_EQ(pool.vips->access, std::vector<std::string>{"203.0.113.10"});
    EXPECT_EQ(pool.vips->internal, std::vector<std::string>{"10.0.50.10"});
    EXPECT_EQ(pool.members.size(), 2u);
    const Model s1 = load_sample("s1-single-public");
    EXPECT_EQ(s1.edge_pools.at(0).members.at(0).access.ips,
              (std::vector<std::string>{"192.0.2.10", "2001:db8:10::10"}));
}

TEST(EdgeplanReaderValues, OkPublicImSample) {
    const Model m = load_sample("multi-domain-pic");
    ASSERT_EQ(m.federation.public_providers.size(), 3u);
    EXPECT_EQ(m.federation.public_providers[0].kind, PublicProviderKind::aol);
    EXPECT_TRUE(m.federation.public_providers[1].enabled);
    EXPECT_FALSE(m.federation.public_providers[2].enabled);
    EXPECT_TRUE(m.policies.at(0).public_im);
    EXPECT_TRUE(m.policies.at(0).public_av);
    EXPECT_EQ(m.media_encryption, std::optional<EncryptionLevel>(EncryptionLevel::support));
    EXPECT_FALSE(m.sip_domains.at(1).dns_autoconfiguration);
    ASSERT_EQ(m.branch_appliances.size(), 1u);
    EXPECT_EQ(m.branch_appliances[0].edge_pool, "edge");
    EXPECT_TRUE(m.branch_appliances[0].users_have_xmpp_policy);
    EXPECT_EQ(m.federation.xmpp_partners.at(0).additional_domains,
              std::vector<std::string>{"chat.example.org"});
    EXPECT_EQ(m.edge_pools.at(0).ports.xmpp, 5269);
}

TEST(EdgeplanReaderValues, OkEverySampleLoads) {
    for (const char* name : {"contoso-docs", "s1-single-public", "s2-single-nat", "s3-dnslb-public",
                             "s4-dnslb-nat", "s5-hlb", "multi-domain-pic"}) {
        EXPECT_NO_THROW(load_sample(name)) << name;
    }
}

TEST(EdgeplanReaderValues, ErrorWrongRootWhenCalledDirectly) {
    EXPECT_THROW(read_text("<Settings xmlns=\"urn:edgeplan:topology:1\"/>"), InputError);
}

}  // namespace
