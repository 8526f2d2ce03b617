// The one table of setting -> cmdlet -> settings XML (checks/setting_sources.h): every Setting
// has a row, and every snippet, with its placeholders filled in, is a settings file the loader
// accepts on the collected sample and that states the setting (the unknown goes away).
#include "checks/setting_sources.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "topology/loader.h"

namespace edgeplan::testing {
namespace {

namespace fs = std::filesystem;
using checks::Setting;

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t i = text.find(from); i != std::string::npos; i = text.find(from, i)) {
        text.replace(i, from.size(), to);
        i += to.size();
    }
    return text;
}

TEST(SettingSources, EverySettingHasOneRow) {
    std::set<Setting> seen;
    for (const checks::SettingSource& s : checks::setting_sources()) {
        EXPECT_TRUE(seen.insert(s.setting).second) << s.cmdlet << ": two rows for one setting";
        EXPECT_EQ(std::string(s.cmdlet).rfind("Get-", 0), 0u) << s.cmdlet;
        EXPECT_NE(checks::how_to_state(s.setting).find(s.settings_xml), std::string::npos);
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(Setting::certificate_key_facts) + 1);
}

TEST(SettingSources, SnippetNamesAreEscapedAndUnknownNamesStayPlaceholders) {
    EXPECT_EQ(checks::settings_snippet(Setting::xmpp_route, {"", "R&D \"East\" <1>", "", ""}),
              "<Site ref=\"R&amp;D &quot;East&quot; &lt;1>\" xmppRoute=\"POOL\"/>");
    // A name that spells a placeholder is filled in once, not rewritten by the next one.
    EXPECT_EQ(checks::settings_snippet(Setting::federation_route, {"SITE", "x", "", ""}),
              "<Site ref=\"x\" federationRoute=\"SITE\"/>");
    EXPECT_EQ(checks::settings_snippet(Setting::federation_route),
              checks::setting_source(Setting::federation_route).settings_xml);
}

// Literal tabs and line ends in an attribute value read back as spaces: they are references.
TEST(SettingSources, AttributeTextKeepsWhitespaceAsReferences) {
    EXPECT_EQ(checks::xml_attribute_text("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
    EXPECT_EQ(checks::xml_attribute_text("x > 'y'"), "x > 'y'");
}

TEST(SettingSources, EverySnippetLoadsAndStatesItsSetting) {
    const fs::path sample = fs::path(EDGEPLAN_SOURCE_DIR) / "samples" / "lync-collected";
    const fs::path dir =
        fs::temp_directory_path() / ("edgeplan-snippets-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const checks::SettingSource& s : checks::setting_sources()) {
        SCOPED_TRACE(s.settings_xml);
        // The names a finding fills in (unknown_setting), as the sample's topology spells them.
        std::string xml = checks::settings_snippet(
            s.setting, {"edgepool.dmz.corp.example", "1", "corp.example", "external"});
        EXPECT_EQ(xml.find("\"POOL\""), std::string::npos) << xml;
        EXPECT_EQ(xml.find("\"USE\""), std::string::npos) << xml;
        EXPECT_EQ(xml.find("\"SITE\""), std::string::npos) << xml;
        EXPECT_EQ(xml.find("\"DOMAIN\""), std::string::npos) << xml;
        xml = replace_all(xml, "\"THUMBPRINT\"", "\"6F1A3B0C9D2E4F5061728394A5B6C7D8E9F00112\"");
        const fs::path file = dir / "settings.xml";
        std::ofstream(file) << "<Settings xmlns=\"urn:edgeplan:topology:1\">" << xml
                            << "</Settings>\n";
        topology::LoadRequest request;
        request.topology_path = (sample / "topology.xml").string();
        request.settings_path = file.string();
        topology::Model model;
        ASSERT_NO_THROW(model = topology::load_model(request));
        const topology::EdgePool& pool = model.edge_pools.at(0);
        switch (s.setting) {
            case Setting::federation_enabled:
                EXPECT_TRUE(model.federation.enabled.has_value());
                break;
            case Setting::partner_discovery:
                EXPECT_TRUE(model.federation.partner_discovery.has_value());
                break;
            case Setting::federation_routing:
                EXPECT_TRUE(model.federation.routing.has_value());
                break;
            case Setting::external_access_policies:
                EXPECT_FALSE(model.policies.empty());
                break;
            case Setting::hosting_providers:
                EXPECT_FALSE(model.federation.hosting_providers.empty());
                break;
            case Setting::mobile_push:
                for (const auto& d : model.sip_domains) {
                    if (d.name == "corp.example") {
                        EXPECT_TRUE(d.mobile_push.has_value());
                    }
                }
                break;
            case Setting::media_encryption:
                EXPECT_TRUE(model.media_encryption.has_value());
                break;
            case Setting::federation_route:
                EXPECT_FALSE(model.sites.at(0).federation_route.empty());
                break;
            case Setting::xmpp_route:
                EXPECT_FALSE(model.sites.at(0).xmpp_federation_route.empty());
                break;
            case Setting::edge_media_ports:
                // The topology states the range too: the snippet must be what states it now.
                ASSERT_TRUE(pool.ports.media_range_where.has_value());
                EXPECT_EQ(pool.ports.media_range_where->file, file.string());
                break;
            case Setting::edge_certificates: {
                bool assigned = false;
                for (const auto& c : pool.certificates) assigned |= !c.assignments.empty();
                EXPECT_TRUE(assigned);
                break;
            }
            case Setting::certificate_key_facts: {
                bool stated = false;
                for (const auto& c : pool.certificates) {
                    stated |= c.server_eku.has_value() && c.client_eku.has_value() &&
                              c.exportable_key.has_value();
                }
                EXPECT_TRUE(stated);
                break;
            }
        }
    }
    fs::remove_all(dir);
}

// The key-facts snippet completes the certificate the inputs already describe (subject, SANs
// and thumbprint stay), where a full <Certificate> replaces it.
TEST(SettingSources, KeyFactsSnippetCompletesTheDescribedCertificate) {
    const fs::path sample = fs::path(EDGEPLAN_SOURCE_DIR) / "samples" / "lync-collected";
    const fs::path dir =
        fs::temp_directory_path() / ("edgeplan-keyfacts-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ifstream in(sample / "equivalent-settings.xml");
    std::string settings((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The sample states every key fact; drop them from the external certificate, then state them
    // again with the snippet in a second <EdgePool> element.
    settings =
        replace_all(settings, "serverEku=\"true\" clientEku=\"true\" exportableKey=\"true\"", "");
    const std::string snippet = checks::settings_snippet(
        Setting::certificate_key_facts,
        checks::certificate_names("edgepool.dmz.corp.example", "external"));
    settings = replace_all(settings, "</Settings>", snippet + "</Settings>");
    const fs::path file = dir / "settings.xml";
    std::ofstream(file) << settings;
    topology::LoadRequest request;
    request.topology_path = (sample / "topology.xml").string();
    request.settings_path = file.string();
    topology::Model model;
    ASSERT_NO_THROW(model = topology::load_model(request));
    int external = 0;
    for (const auto& c : model.edge_pools.at(0).certificates) {
        if (c.use != topology::CertificateUse::external) continue;
        ++external;
        EXPECT_EQ(c.subject.value_or(""), "sip.corp.example");
        EXPECT_EQ(c.thumbprint, "6F1A3B0C9D2E4F5061728394A5B6C7D8E9F00112");
        EXPECT_FALSE(c.sans.empty());
        EXPECT_EQ(c.server_eku, std::optional<bool>(true));
        EXPECT_EQ(c.exportable_key, std::optional<bool>(true));
        EXPECT_EQ(c.store_where.file, file.string());
    }
    EXPECT_EQ(external, 1);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace edgeplan::testing
