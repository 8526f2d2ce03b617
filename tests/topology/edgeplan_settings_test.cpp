// --settings merged into a topology: each row applies one settings document to the
// contoso-docs sample and checks what changed.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>

#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
#include "topology/loader.h"

namespace {

using namespace edgeplan::topology;

Model contoso() {
    LoadRequest request;
    request.topology_path = EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml";
    return load_model(request);
}

Model with_settings(const std::string& body) {
    Model model = contoso();
    const std::string text =
        "<Settings xmlns=\"urn:edgeplan:topology:1\">\n" + body + "\n</Settings>\n";
    apply_settings(XmlSource::from_bytes("settings.xml", text), model);
    return model;
}

struct SettingsRow {
    const char* name;
    std::string body;
    std::function<void(const Model&)> verify;
};

void PrintTo(const SettingsRow& row, std::ostream* out) { *out << row.name; }

class SettingsMerge : public testing::TestWithParam<SettingsRow> {};

TEST_P(SettingsMerge, Applies) { GetParam().verify(with_settings(GetParam().body)); }

INSTANTIATE_TEST_SUITE_P(
    Rows, SettingsMerge,
    testing::Values(
        SettingsRow{"ok_sip_domain_override_and_add",
                    "<SipDomains><SipDomain name=\"FABRIKAM.com\" mobilePush=\"true\" "
                    "autoConfig=\"false\"/><SipDomain name=\"litware.com\"/></SipDomains>",
                    [](const Model& m) {
                        ASSERT_EQ(m.sip_domains.size(), 3u);
                        EXPECT_EQ(m.sip_domains[1].mobile_push, std::optional<bool>(true));
                        EXPECT_FALSE(m.sip_domains[1].dns_autoconfiguration);
                        EXPECT_EQ(m.sip_domains[1].where.file, "settings.xml");
                        EXPECT_TRUE(m.sip_domains[0].dns_autoconfiguration);
                        EXPECT_EQ(m.sip_domains[2].name, "litware.com");
                    }},
        SettingsRow{"ok_default_domain_moves",
                    "<SipDomains><SipDomain name=\"fabrikam.com\" default=\"true\"/></SipDomains>",
                    [](const Model& m) {
                        EXPECT_FALSE(m.sip_domains[0].is_default);
                        EXPECT_EQ(m.default_sip_domain()->name, "fabrikam.com");
                    }},
        SettingsRow{"ok_federation_lists_replaced_attributes_overridden",
                    "<Federation partnerDiscovery=\"false\"><AllowedDomain domain=\"a.example\"/>"
                    "<PublicProvider name=\"skype\" enabled=\"true\"/></Federation>",
                    [](const Model& m) {
                        EXPECT_EQ(m.federation.partner_discovery, std::optional<bool>(false));
                        EXPECT_EQ(m.federation.enabled, std::optional<bool>(true));
                        ASSERT_EQ(m.federation.allowed.size(), 1u);
                        EXPECT_EQ(m.federation.allowed[0].domain, "a.example");
                        EXPECT_EQ(m.federation.hosting_providers.size(), 1u);  // kept
                        EXPECT_EQ(m.federation.public_providers.size(), 1u);
                        EXPECT_EQ(m.federation.where.file, "settings.xml");
                    }},
        SettingsRow{"ok_policy_replaced_by_name_and_added",
                    "<ExternalAccessPolicies><Policy name=\"global\" publicIm=\"true\"/>"
                    "<Policy name=\"Contractors\" assigned=\"false\"/></ExternalAccessPolicies>"
                    "<Media encryptionLevel=\"supportEncryption\"/>",
                    [](const Model& m) {
                        ASSERT_EQ(m.policies.size(), 2u);
                        EXPECT_TRUE(m.policies[0].public_im);
                        EXPECT_FALSE(m.policies[0].xmpp);  // a replaced policy starts afresh
                        EXPECT_FALSE(m.policies[1].assigned);
                        EXPECT_EQ(m.media_encryption,
                                  std::optional<EncryptionLevel>(EncryptionLevel::support));
                    }},
        SettingsRow{"ok_pool_by_internal_fqdn_flags_and_ports",
                    "<EdgePool ref=\"LSEDGE.contoso.net\" nat=\"false\" xmpp=\"false\" "
                    "loadBalancing=\"hardware\"><External><Access clientPort=\"5061\"/>"
                    "<AudioVideo fqdn=\"AV2.contoso.com\"/></External>"
                    "<HardwareLoadBalancer><Vip service=\"av\" ip=\"203.0.113.30\"/>"
                    "</HardwareLoadBalancer></EdgePool>",
                    [](const Model& m) {
                        const EdgePool& p = m.edge_pools[0];
                        EXPECT_FALSE(p.nat);
                        EXPECT_FALSE(p.xmpp);
                        EXPECT_TRUE(p.federation);
                        EXPECT_EQ(p.load_balancing, LoadBalancing::hardware);
                        EXPECT_EQ(p.ports.access_client, 5061);
                        EXPECT_EQ(p.ports.webconf, 443);
                        EXPECT_EQ(p.access.fqdn, "sip.contoso.com");  // not given: kept
                        EXPECT_EQ(p.av.fqdn, "av2.contoso.com");
                        ASSERT_TRUE(p.vips.has_value());
                        EXPECT_EQ(p.vips->av, std::vector<std::string>{"203.0.113.30"});
                    }},
        SettingsRow{"ok_member_public_address_replaced_others_kept",
                    "<EdgePool ref=\"edgepool\"><Member ref=\"edge02.contoso.net\">"
                    "<Address service=\"av\" public=\"203.0.113.31\"/>"
                    "<Address service=\"av\" public=\"2001:db8::31\"/></Member></EdgePool>",
                    [](const Model& m) {
                        const EdgeMember& e2 = m.edge_pools[0].members[1];
                        EXPECT_EQ(e2.av.public_ips,
                                  (std::vector<std::string>{"203.0.113.31", "2001:db8::31"}));
                        EXPECT_EQ(e2.av.ips, std::vector<std::string>{"10.45.16.31"});
                        EXPECT_EQ(e2.access.public_ips, std::vector<std::string>{"131.107.155.11"});
                        EXPECT_EQ(m.edge_pools[0].members[0].av.public_ips,
                                  std::vector<std::string>{"131.107.155.30"});
                    }},
        SettingsRow{"ok_member_address_all_sets_three_services",
                    "<EdgePool ref=\"edgepool\"><Member ref=\"edge01.contoso.net\">"
                    "<Address service=\"all\" ip=\"10.45.16.99\"/></Member></EdgePool>",
                    [](const Model& m) {
                        const EdgeMember& e1 = m.edge_pools[0].members[0];
                        for (const ServiceAddress* a : {&e1.access, &e1.webconf, &e1.av}) {
                            EXPECT_EQ(a->ips, std::vector<std::string>{"10.45.16.99"});
                            EXPECT_EQ(a->public_ips.size(), 1u);
                        }
                    }},
        SettingsRow{"ok_certificate_of_same_use_replaced",
                    "<EdgePool ref=\"edgepool\"><Certificate use=\"external\" "
                    "file=\"certs/edge.pfx\" passwordEnv=\"EDGE_PFX\"/></EdgePool>",
                    [](const Model& m) {
                        const auto& certs = m.edge_pools[0].certificates;
                        ASSERT_EQ(certs.size(), 2u);
                        EXPECT_EQ(certs[0].use, CertificateUse::internal);
                        EXPECT_EQ(certs[1].file, "certs/edge.pfx");
                        EXPECT_EQ(certs[1].password_env, "EDGE_PFX");
                        EXPECT_TRUE(certs[1].sans.empty());
                    }},
        SettingsRow{"ok_empty_settings_change_nothing", "",
                    [](const Model& m) {
                        EXPECT_EQ(m.sip_domains.size(), 2u);
                        EXPECT_EQ(m.federation.allowed.size(), 2u);
                        EXPECT_TRUE(m.edge_pools[0].nat);
                    }}),
    [](const testing::TestParamInfo<SettingsRow>& row_info) {
        return std::string(row_info.param.name);
    });

struct SettingsErrorRow {
    const char* name;
    std::string body;
    int line;
    const char* substring;
};

void PrintTo(const SettingsErrorRow& row, std::ostream* out) { *out << row.name; }

class SettingsErrors : public testing::TestWithParam<SettingsErrorRow> {};

TEST_P(SettingsErrors, AreInputErrors) {
    const SettingsErrorRow& row = GetParam();
    try {
        with_settings(row.body);
        FAIL() << "settings applied";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where().file, "settings.xml");
        EXPECT_EQ(e.where().line, row.line) << e.what();
        EXPECT_NE(e.message().find(row.substring), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SettingsErrors,
    testing::Values(
        SettingsErrorRow{"error_missing_pool", "<EdgePool ref=\"edge9\"/>", 2,
                         "names no Edge pool"},
        SettingsErrorRow{"error_missing_member",
                         "<EdgePool ref=\"edgepool\">\n<Member ref=\"x.contoso.net\"/></EdgePool>",
                         3, "names no member"},
        SettingsErrorRow{"error_next_hop_missing",
                         "<EdgePool ref=\"edgepool\" nextHop=\"nopool\"/>", 2,
                         "does not name an internal pool"},
        SettingsErrorRow{"error_ref_missing", "<EdgePool nat=\"true\"/>", 2,
                         "missing required attribute 'ref'"},
        SettingsErrorRow{"error_sites_not_allowed", "<Sites/>", 2, "unknown element <Sites>"},
        SettingsErrorRow{"error_two_media_sections",
                         "<Media encryptionLevel=\"supportEncryption\"/>\n"
                         "<Media encryptionLevel=\"requireEncryption\"/>",
                         3, "only one <Media>"},
        SettingsErrorRow{"error_bad_public_ip",
                         "<EdgePool ref=\"edgepool\"><Member ref=\"edge01.contoso.net\">\n"
                         "<Address service=\"av\" public=\"203.0.113\"/></Member></EdgePool>",
                         3, "not an IPv4 or IPv6 address"}),
    [](const testing::TestParamInfo<SettingsErrorRow>& row_info) {
        return std::string(row_info.param.name);
    });

TEST(SettingsThroughLoader, OkCompleteSettingsFile) {
    LoadRequest request;
    request.topology_path = EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml";
    request.settings_path = EDGEPLAN_SOURCE_DIR "/tests/topology/valid/settings.xml";
    const Model m = load_model(request);
    EXPECT_EQ(m.xmpp_domains.size(), 2u);
    EXPECT_EQ(m.federation.archiving_external, std::optional<bool>(true));
    EXPECT_EQ(m.federation.blocked.size(), 1u);
    EXPECT_EQ(m.federation.allowed.at(0).version, PartnerVersion::skype_for_business);
    EXPECT_FALSE(m.edge_pools.at(0).xmpp);
    EXPECT_EQ(m.edge_pools.at(0).members.at(0).av.public_ips,
              (std::vector<std::string>{"203.0.113.30", "2001:db8::30"}));
    EXPECT_EQ(m.edge_pools.at(0).certificates.at(1).file, "certs/internal.pfx");
    EXPECT_EQ(m.edge_pools.at(0).certificates.at(1).where.file, request.settings_path);
}

TEST(SettingsThroughLoader, OkSettingsFileNamedInTheModel) {
    const std::string path = testing::TempDir() + "edgeplan_settings_test.xml";
    {
        std::FILE* f = std::fopen(path.c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fputs(
            "<Settings xmlns=\"urn:edgeplan:topology:1\">"
            "<Media encryptionLevel=\"doNotSupportEncryption\"/></Settings>",
            f);
        std::fclose(f);
    }
    LoadRequest request;
    request.topology_path = EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml";
    request.settings_path = path;
    const Model m = load_model(request);
    EXPECT_EQ(m.settings_file, path);
    EXPECT_EQ(m.media_encryption, std::optional<EncryptionLevel>(EncryptionLevel::do_not_support));
    std::remove(path.c_str());
}

}  // namespace
