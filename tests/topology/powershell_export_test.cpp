// --settings-from: PowerShell exports read into the model (docs/settings-from.md). Fixtures are
// our own files in the shapes Export-Clixml, Export-Csv and ConvertTo-Json write
// (tests/topology/powershell/, samples/lync-collected/exports/); encodings are produced here
// from the UTF-8 fixtures so every format meets every encoding PowerShell writes.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/files.h"
#include "topology/input_error.h"
#include "topology/loader.h"
#include "topology/powershell_export.h"

namespace {

using namespace edgeplan::topology;
using namespace edgeplan::test_files;

const std::string kSource = EDGEPLAN_SOURCE_DIR;
const std::string kCollected = kSource + "/samples/lync-collected";
const std::string kFormats = kSource + "/tests/topology/powershell/formats";

Model collected_topology() {
    LoadRequest request;
    request.topology_path = kCollected + "/topology.xml";
    return load_model(request);
}

Model with_exports(const std::vector<std::string>& dirs, const std::string& settings = "") {
    LoadRequest request;
    request.topology_path = kCollected + "/topology.xml";
    request.settings_dirs = dirs;
    request.settings_path = settings;
    return load_model(request);
}

// The InputError message of applying `dir`, or "" when it loads.
std::string error_of(const std::string& dir) {
    try {
        with_exports({dir});
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

// --- encodings PowerShell writes ------------------------------------------------------------
std::string utf16(const std::string& utf8, bool big_endian, bool bom) {
    std::string out = bom ? (big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE")) : "";
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        unsigned cp = c;
        int n = 1;
        if (c >= 0xF0) {
            cp = c & 0x07u;
            n = 4;
        } else if (c >= 0xE0) {
            cp = c & 0x0Fu;
            n = 3;
        } else if (c >= 0xC0) {
            cp = c & 0x1Fu;
            n = 2;
        }
        for (int k = 1; k < n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        i += std::size_t(n);
        auto unit = [&](unsigned u) {
            const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
            out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
        };
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

struct Encoding {
    const char* name;
    std::string (*encode)(const std::string&);
};

const std::vector<Encoding>& encodings() {
    static const std::vector<Encoding> kEncodings = {
        {"ASCII or UTF-8 without BOM", [](const std::string& s) { return s; }},
        {"UTF-8 with BOM", [](const std::string& s) { return "\xEF\xBB\xBF" + s; }},
        {"UTF-16LE with BOM", [](const std::string& s) { return utf16(s, false, true); }},
        {"UTF-16BE with BOM", [](const std::string& s) { return utf16(s, true, true); }},
        {"UTF-16LE without BOM", [](const std::string& s) { return utf16(s, false, false); }},
    };
    return kEncodings;
}

// --- the sample folder: every cmdlet -------------------------------------------------------

TEST(SettingsFrom, SampleFolderGivesEveryFact) {
    const Model before = collected_topology();
    EXPECT_FALSE(before.federation.stated);
    EXPECT_TRUE(before.sites[0].federation_route.empty());
    EXPECT_TRUE(before.edge_pools[0].certificates.empty());

    const Model m = with_exports({kCollected + "/exports"});
    // Get-CsAccessEdgeConfiguration (CLIXML, UTF-16LE)
    EXPECT_TRUE(m.federation.stated);
    EXPECT_EQ(m.federation.enabled, std::optional<bool>(true));
    EXPECT_EQ(m.federation.partner_discovery, std::optional<bool>(true));
    EXPECT_EQ(m.federation.routing, std::optional<RoutingMethod>(RoutingMethod::dns_srv));
    EXPECT_EQ(m.federation.archiving_disclaimer, std::optional<bool>(false));
    // Get-CsAllowedDomain / Get-CsBlockedDomain (the same CSV columns; names tell them apart)
    ASSERT_EQ(m.federation.allowed.size(), 2u);
    EXPECT_EQ(m.federation.allowed[0].domain, "partner.example");
    EXPECT_EQ(m.federation.allowed[0].where.to_string(),
              kCollected + "/exports/Get-CsAllowedDomain.csv:2:1");
    ASSERT_EQ(m.federation.blocked.size(), 1u);
    EXPECT_EQ(m.federation.blocked[0].domain, "spam.example");
    // Get-CsHostingProvider (CSV, UTF-8 BOM, #TYPE)
    ASSERT_EQ(m.federation.hosting_providers.size(), 1u);
    EXPECT_EQ(m.federation.hosting_providers[0].proxy_fqdn, "sipfed.online.lync.com");
    EXPECT_EQ(m.federation.hosting_providers[0].verification_level, "useSourceVerification");
    EXPECT_EQ(m.federation.hosting_providers[0].where.line, 3);
    // Get-CsPublicProvider (JSON array)
    ASSERT_EQ(m.federation.public_providers.size(), 2u);
    EXPECT_EQ(m.federation.public_providers[0].kind, PublicProviderKind::skype);
    EXPECT_FALSE(m.federation.public_providers[0].enabled);
    EXPECT_EQ(m.federation.public_providers[1].kind, PublicProviderKind::aol);
    // Get-CsExternalAccessPolicy (CLIXML): Tag: policies are named without the scope
    ASSERT_EQ(m.policies.size(), 2u);
    EXPECT_EQ(m.policies[0].name, "Global");
    EXPECT_TRUE(m.policies[0].federation);
    EXPECT_TRUE(m.policies[0].xmpp);
    EXPECT_EQ(m.policies[1].name, "NoFederation");
    EXPECT_FALSE(m.policies[1].federation);
    // Get-CsXmppAllowedPartner (CLIXML enums through <ToString>)
    ASSERT_EQ(m.federation.xmpp_partners.size(), 1u);
    EXPECT_EQ(m.federation.xmpp_partners[0].tls, Negotiation::required);
    EXPECT_EQ(m.federation.xmpp_partners[0].sasl, Negotiation::optional);
    // Get-CsSite: both routes
    EXPECT_EQ(m.sites[0].federation_route, "edgepool.dmz.corp.example");
    EXPECT_EQ(m.sites[0].xmpp_federation_route, "edgepool.dmz.corp.example");
    // Get-CsSipDomain (CSV, UTF-16LE): the default stays, names are lower case
    ASSERT_EQ(m.sip_domains.size(), 2u);
    EXPECT_TRUE(m.default_sip_domain() && m.default_sip_domain()->name == "corp.example");
    // Get-CsMediaConfiguration (JSON object, UTF-16LE)
    EXPECT_EQ(m.media_encryption, std::optional<EncryptionLevel>(EncryptionLevel::require));
    // Get-CsService -EdgeServer
    EXPECT_EQ(m.edge_pools[0].ports.media_start, 50000);
    EXPECT_EQ(m.edge_pools[0].ports.media_count, 10000);
    EXPECT_EQ(m.edge_pools[0].ports.access_federation, 5061);
    // Get-CsCertificate on both members: one external certificate on four usages, one internal
    const auto& certs = m.edge_pools[0].certificates;
    ASSERT_EQ(certs.size(), 2u);
    EXPECT_EQ(certs[0].use, CertificateUse::external);
    EXPECT_EQ(certs[0].subject, std::optional<std::string>("sip.corp.example"));
    EXPECT_EQ(certs[0].sans.size(), 5u);
    EXPECT_EQ(certs[0].usages,
              (std::vector<std::string>{"AccessEdgeExternal", "DataEdgeExternal",
                                        "AudioVideoAuthentication", "XmppServer"}));
    EXPECT_EQ(certs[0].thumbprint, "6F1A3B0C9D2E4F5061728394A5B6C7D8E9F00112");
    // Each usage per server, citing its record (CERT-EXT-14/15): 4 usages on each of 2 Edges.
    ASSERT_EQ(certs[0].assignments.size(), 8u);
    EXPECT_EQ(certs[0].assignments[0].usage, "AccessEdgeExternal");
    EXPECT_EQ(certs[0].assignments[0].server, "edge01.dmz.corp.example");
    EXPECT_EQ(certs[0].assignments[4].server, "edge02.dmz.corp.example");
    EXPECT_NE(certs[0].assignments[4].where.file.str().find("Get-CsCertificate.edge02"),
              std::string::npos);
    EXPECT_GT(certs[0].assignments[4].where.line, 1);
    EXPECT_EQ(certs[1].use, CertificateUse::internal);
    // The certificate stores (CLIXML from Invoke-Command on edge01, Export-Csv on edge02), by
    // thumbprint: EKUs of both certificates; the external key is exportable on edge01 only, and
    // one server is enough; the store's third certificate belongs to no Edge use and is ignored.
    EXPECT_EQ(certs[0].server_eku, std::optional<bool>(true));
    EXPECT_EQ(certs[0].client_eku, std::optional<bool>(true));
    EXPECT_EQ(certs[0].exportable_key, std::optional<bool>(true));
    EXPECT_NE(certs[0].store_where.file.str().find("CertStore."), std::string::npos);
    EXPECT_GT(certs[0].store_where.line, 1);
    EXPECT_EQ(certs[1].server_eku, std::optional<bool>(true));
    EXPECT_EQ(certs[1].client_eku, std::optional<bool>(false));
    EXPECT_EQ(certs[1].exportable_key, std::optional<bool>(false));
    // Get-CsPushNotificationConfiguration
    for (const SipDomain& d : m.sip_domains) EXPECT_EQ(d.mobile_push, std::optional<bool>(true));
    // Every file read is listed for the report's inputs.
    EXPECT_EQ(m.exports.size(), 16u);
}

// --- formats and encodings ------------------------------------------------------------------

struct FormatCase {
    const char* fixture;
    const char* file_name;
    void (*verify)(const Model&);
};

void verify_allowed(const Model& m) {
    ASSERT_EQ(m.federation.allowed.size(), 2u);
    EXPECT_EQ(m.federation.allowed[0].domain, "fabrikam.com");
    EXPECT_EQ(m.federation.allowed[0].proxy_fqdn, "sip.fabrikam.com");
    EXPECT_EQ(m.federation.allowed[1].domain, "litwareinc.com");
    EXPECT_EQ(m.federation.allowed[1].proxy_fqdn, "");
}

void verify_policy_object(const Model& m) {
    ASSERT_EQ(m.policies.size(), 1u);
    EXPECT_TRUE(m.policies[0].federation);
    EXPECT_TRUE(m.policies[0].public_im);
    EXPECT_TRUE(m.policies[0].outside);
}

void verify_policy_array(const Model& m) {
    ASSERT_EQ(m.policies.size(), 2u);
    EXPECT_FALSE(m.policies[0].federation);
    EXPECT_EQ(m.policies[1].name, "FederationUsers");
    EXPECT_TRUE(m.policies[1].federation);
    EXPECT_TRUE(m.policies[1].xmpp);
}

void verify_policy_clixml(const Model& m) {
    ASSERT_EQ(m.policies.size(), 2u);
    EXPECT_TRUE(m.policies[0].federation);
    EXPECT_EQ(m.policies[1].name, "RemoteOnly");
    EXPECT_FALSE(m.policies[1].federation);
}

TEST(SettingsFrom, EveryFormatInEveryEncoding) {
    const std::vector<FormatCase> cases = {
        {"allowed-full.csv", "export1.csv", verify_allowed},           // #TYPE decides
        {"domains-select.csv", "AllowedDomains.csv", verify_allowed},  // the name decides
        {"policy-object.json", "policy.json", verify_policy_object},   // properties decide
        {"policy-array.json", "policies.json", verify_policy_array},
        {"policy.clixml", "whatever.xml", verify_policy_clixml},  // <TN> decides
    };
    for (const FormatCase& c : cases) {
        const std::string utf8 = read_text(kFormats + "/" + c.fixture);
        for (const Encoding& encoding : encodings()) {
            SCOPED_TRACE(std::string(c.fixture) + " in " + encoding.name);
            TempDir dir;
            write_text(dir.path() / c.file_name, encoding.encode(utf8));
            c.verify(with_exports({dir.path().string()}));
        }
    }
}

TEST(SettingsFrom, CsvWithSemicolonDelimiterAndLfLineEnds) {
    TempDir dir;
    write_text(dir.path() / "Get-CsBlockedDomain.csv",
               "\"Identity\";\"Domain\";\"Comment\"\n\"evil.example\";\"evil.example\";\"\"\n");
    const Model m = with_exports({dir.path().string()});
    ASSERT_EQ(m.federation.blocked.size(), 1u);
    EXPECT_EQ(m.federation.blocked[0].domain, "evil.example");
}

// --- recognition: content first, then the file name ----------------------------------------

struct RecognitionRow {
    const char* name;
    const char* file_name;
    std::string content;
    const char* expected_error;  // nullptr: loads
    bool (*verify)(const Model&);
};

TEST(SettingsFrom, RecognitionRules) {
    const std::string select = read_text(kFormats + "/domains-select.csv");
    const std::vector<RecognitionRow> rows = {
        {"shared columns, the noun AllowedDomain in the name", "Get-CsAllowedDomain.csv", select,
         nullptr, [](const Model& m) { return m.federation.allowed.size() == 2; }},
        {"shared columns, the noun BlockedDomain in the name", "blockeddomains.csv", select,
         nullptr, [](const Model& m) { return m.federation.blocked.size() == 2; }},
        {"shared columns, no noun: ambiguous", "domains.csv", select,
         "ambiguous export: the content could be the output of Get-CsAllowedDomain or "
         "Get-CsBlockedDomain",
         nullptr},
        {"content beats the name: MarkForMonitoring is Get-CsAllowedDomain",
         "Get-CsBlockedDomain.csv",
         "\"Domain\",\"MarkForMonitoring\"\r\n\"fabrikam.com\",\"False\"\r\n", nullptr,
         [](const Model& m) { return m.federation.allowed.size() == 1; }},
        {"#TYPE beats the name", "Get-CsAllowedDomain.csv",
         "#TYPE Microsoft.Rtc.Management.WritableConfig.Settings.Edge.BlockedDomain\r\n"
         "\"Domain\"\r\n\"spam.example\"\r\n",
         nullptr, [](const Model& m) { return m.federation.blocked.size() == 1; }},
        {"Selected. type from Select-Object", "x.csv",
         "#TYPE Selected.Microsoft.Rtc.Management.WritableConfig.Settings.Edge.BlockedDomain\r\n"
         "\"Domain\"\r\n\"spam.example\"\r\n",
         nullptr, [](const Model& m) { return m.federation.blocked.size() == 1; }},
        {"hosting or public provider, no noun: ambiguous", "providers.csv",
         "\"Identity\",\"ProxyFqdn\",\"Enabled\"\r\n\"LyncOnline\",\"sipfed.online.lync.com\","
         "\"True\"\r\n",
         "Get-CsHostingProvider or Get-CsPublicProvider", nullptr},
        {"hosting provider by name", "HostingProviders.csv",
         "\"Identity\",\"ProxyFqdn\",\"Enabled\"\r\n\"LyncOnline\",\"sipfed.online.lync.com\","
         "\"True\"\r\n",
         nullptr, [](const Model& m) { return m.federation.hosting_providers.size() == 1; }},
        {"unrecognised columns", "notes.csv", "\"Foo\",\"Bar\"\r\n\"1\",\"2\"\r\n",
         "notes.csv:1:1: not recognised as the output of a supported Get-Cs cmdlet", nullptr},
        {"the noun as part of another word does not count", "website.csv", "\"Foo\"\r\n\"1\"\r\n",
         "not recognised", nullptr},
        {"Get-CsSite by properties", "export.json",
         "{\"Identity\":\"Site:HQ\",\"SiteId\":1,\"FederationRoute\":\"EdgeServer:edgepool.dmz."
         "corp.example\",\"XmppFederationRoute\":null}",
         nullptr,
         [](const Model& m) { return m.sites[0].federation_route == "edgepool.dmz.corp.example"; }},
        {"Get-CsService -EdgeServer by properties", "a.csv",
         "\"Identity\",\"MediaCommunicationPortStart\",\"MediaCommunicationPortCount\"\r\n"
         "\"EdgeServer:edgepool.dmz.corp.example\",\"40000\",\"20000\"\r\n",
         nullptr, [](const Model& m) { return m.edge_pools[0].ports.media_start == 40000; }},
        {"Get-CsMediaConfiguration by properties", "b.csv",
         "\"Identity\",\"EncryptionLevel\"\r\n\"Global\",\"SupportEncryption\"\r\n", nullptr,
         [](const Model& m) { return m.media_encryption == EncryptionLevel::support; }},
        {"Get-CsSipDomain by properties", "c.csv",
         "\"Identity\",\"Name\",\"IsDefault\"\r\n\"other.example\",\"other.example\",\"True\"\r\n",
         nullptr,
         [](const Model& m) {
             return m.sip_domains.size() == 3 && m.default_sip_domain()->name == "other.example";
         }},
        {"Get-CsPushNotificationConfiguration by properties", "d.csv",
         "\"Identity\",\"EnableApplePushNotificationService\","
         "\"EnableMicrosoftPushNotificationService\"\r\n\"Global\",\"False\",\"False\"\r\n",
         nullptr, [](const Model& m) { return m.sip_domains[0].mobile_push == false; }},
        {"Get-CsXmppAllowedPartner by properties", "e.csv",
         "\"Domain\",\"PartnerType\",\"TlsNegotiation\",\"SaslNegotiation\"\r\n"
         "\"jabber.example\",\"PublicVerified\",\"Optional\",\"NotSupported\"\r\n",
         nullptr,
         [](const Model& m) {
             return m.federation.xmpp_partners.size() == 1 &&
                    m.federation.xmpp_partners[0].type == XmppPartnerType::public_verified &&
                    m.federation.xmpp_partners[0].sasl == Negotiation::not_supported;
         }},
        {"Get-CsXmppGatewayConfiguration is recognised and read for nothing", "f.csv",
         "\"Identity\",\"StreamEstablishmentTimeout\",\"KeepAliveInterval\"\r\n"
         "\"Global\",\"300\",\"300\"\r\n",
         nullptr, [](const Model& m) { return m.exports.size() == 1; }},
        {"Get-CsAccessEdgeConfiguration by properties, default routing", "g.json",
         "{\"Identity\":\"Global\",\"AllowFederatedUsers\":false,\"RoutingMethod\":"
         "\"UseDefaultRouting\",\"DefaultRouteFqdn\":\"fed.example\"}",
         nullptr,
         [](const Model& m) {
             return m.federation.enabled == false &&
                    m.federation.routing == RoutingMethod::default_route;
         }},
        {"Get-CsPublicProvider by properties", "h.csv",
         "\"Identity\",\"IconUrl\",\"Enabled\",\"ProxyFqdn\"\r\n\"MSN\",\"\",\"True\","
         "\"federation.messenger.msn.com\"\r\n",
         nullptr,
         [](const Model& m) {
             return m.federation.public_providers.size() == 1 &&
                    m.federation.public_providers[0].kind == PublicProviderKind::windows_live &&
                    m.federation.public_providers[0].enabled;
         }},
    };
    for (const RecognitionRow& row : rows) {
        SCOPED_TRACE(row.name);
        TempDir dir;
        write_text(dir.path() / row.file_name, row.content);
        if (row.expected_error) {
            const std::string error = error_of(dir.path().string());
            EXPECT_NE(error.find(row.expected_error), std::string::npos) << error;
            EXPECT_NE(error.find(row.file_name), std::string::npos) << "names the file: " << error;
        } else {
            Model m;
            try {
                m = with_exports({dir.path().string()});
            } catch (const InputError& e) {
                ADD_FAILURE() << e.what();
                continue;
            }
            EXPECT_TRUE(row.verify(m));
        }
    }
}

// --- input errors: file:line:column, nothing partial ----------------------------------------

struct ErrorRow {
    const char* name;
    const char* file_name;
    std::string content;
    const char* expected;  // a piece of the message, including the position where one applies
};

TEST(SettingsFrom, InputErrors) {
    const std::vector<ErrorRow> rows = {
        {"invalid UTF-8 (ANSI export)", "Get-CsAllowedDomain.csv",
         "\"Domain\",\"Comment\"\r\n\"fabrikam.com\",\"caf\xE9\"\r\n",
         "Get-CsAllowedDomain.csv:2:20: invalid UTF-8"},
        {"lone UTF-16 surrogate", "Get-CsAllowedDomain.csv",
         std::string("\xFF\xFE\"\0\n\0\x00\xD8", 8), "Get-CsAllowedDomain.csv:2:1: invalid UTF-16"},
        {"CSV row with too many fields", "Get-CsAllowedDomain.csv",
         "\"Domain\"\r\n\"a.example\",\"b\"\r\n", "Get-CsAllowedDomain.csv:2:1: CSV row has 2"},
        {"unclosed quote", "Get-CsAllowedDomain.csv", "\"Domain\"\r\n\"a.example\r\n",
         "Get-CsAllowedDomain.csv:2:1: quoted CSV field is not closed"},
        {"required column missing", "Get-CsMediaConfiguration.csv",
         "\"Identity\",\"EnableQoS\"\r\n\"Global\",\"False\"\r\n",
         "Get-CsMediaConfiguration.csv:1:1: Get-CsMediaConfiguration output without the required "
         "property EncryptionLevel"},
        {"enum written as a number by ConvertTo-Json", "Get-CsMediaConfiguration.json",
         "{\n  \"Identity\": \"Global\",\n  \"EncryptionLevel\": 1\n}",
         "Get-CsMediaConfiguration.json:3:22: EncryptionLevel is the number 1"},
        {"enum value unknown", "Get-CsMediaConfiguration.csv",
         "\"Identity\",\"EncryptionLevel\"\r\n\"Global\",\"Strong\"\r\n",
         "Get-CsMediaConfiguration.csv:2:10: EncryptionLevel 'Strong' is not one of"},
        {"boolean that is not one", "Get-CsExternalAccessPolicy.csv",
         "\"Identity\",\"EnableFederationAccess\"\r\n\"Global\",\"yes\"\r\n",
         "Get-CsExternalAccessPolicy.csv:2:10: EnableFederationAccess 'yes' is not a boolean"},
        {"a list Export-Csv wrote as its type name",
         "Get-CsCertificate.edge01.dmz.corp.example.csv",
         "\"Use\",\"Thumbprint\",\"Subject\",\"AlternativeNames\"\r\n\"AccessEdgeExternal\",\"AB\","
         "\"CN=sip.corp.example\",\"System.Collections.Generic.List`1[System.String]\"\r\n",
         "AlternativeNames holds the type name"},
        {"JSON syntax error", "Get-CsSite.json", "{\"Identity\": \"Site:HQ\",,}",
         "Get-CsSite.json:1:24: expected '\"'"},
        {"JSON nested too deep", "Get-CsSite.json",
         "{\"Identity\":\"Site:HQ\",\"X\":" + std::string(100, '[') + std::string(100, ']') + "}",
         "nested deeper than 64 levels"},
        {"CLIXML with a plain value", "Get-CsSipDomain.xml",
         "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
         "  <S>corp.example</S>\n</Objs>\n",
         "Get-CsSipDomain.xml:2:3: <S> at the top level"},
        {"XML that is neither an export nor a topology", "Get-CsSite.xml",
         "<?xml version=\"1.0\"?>\n<Sites/>\n", "Get-CsSite.xml:2:1: expected <Objs>"},
        {"a route naming no Edge pool", "Get-CsSite.csv",
         "\"Identity\",\"SiteId\",\"FederationRoute\"\r\n\"Site:HQ\",\"1\","
         "\"EdgeServer:nowhere.example\"\r\n",
         "Get-CsSite.csv:2:15: FederationRoute 'EdgeServer:nowhere.example' names no Edge pool"},
        {"a site the topology does not have", "Get-CsSite.csv",
         "\"Identity\",\"SiteId\",\"FederationRoute\"\r\n\"Site:Paris\",\"7\",\"\"\r\n",
         "Get-CsSite.csv:2:1: site 'Site:Paris' is no site of the topology"},
        {"an unknown public provider", "Get-CsPublicProvider.csv",
         "\"Identity\",\"Enabled\"\r\n\"Gmail\",\"True\"\r\n",
         "Get-CsPublicProvider.csv:2:1: public provider 'Gmail' is none of"},
        {"a media range past 65535", "Get-CsService-EdgeServer.csv",
         "\"Identity\",\"MediaCommunicationPortStart\",\"MediaCommunicationPortCount\"\r\n"
         "\"EdgeServer:edgepool.dmz.corp.example\",\"60000\",\"10000\"\r\n",
         "goes past 65535"},
        {"an empty media range", "Get-CsService-EdgeServer.csv",
         "\"Identity\",\"MediaCommunicationPortStart\",\"MediaCommunicationPortCount\"\r\n"
         "\"EdgeServer:edgepool.dmz.corp.example\",\"50000\",\"0\"\r\n",
         "MediaCommunicationPortCount '0' is not a port number (1-65535)"},
        {"an empty file", "Get-CsSite.csv", "", "Get-CsSite.csv:1:1: empty export file"},
        {"a certificate store holding no Edge certificate", "CertStore.edge01.csv",
         "\"Thumbprint\",\"EnhancedKeyUsageOids\",\"PrivateKeyExportable\"\r\n"
         "\"A1B2C3D4E5F60718293A4B5C6D7E8F9012345678\",\"1.3.6.1.5.5.7.3.1\",\"True\"\r\n",
         "CertStore.edge01.csv:1:1: none of its certificates is an Edge certificate"},
        {"EKUs that are not OIDs", "CertStore.edge01.csv",
         "\"Thumbprint\",\"EnhancedKeyUsageOids\"\r\n"
         "\"A1B2C3D4E5F60718293A4B5C6D7E8F9012345678\",\"Server Authentication\"\r\n",
         "CertStore.edge01.csv:2:44: EnhancedKeyUsageOids holds 'Server', not an OID"},
        {"a certificate store without the key facts", "CertStore.edge01.csv",
         "\"Thumbprint\",\"HasPrivateKey\"\r\n\"A1B2\",\"True\"\r\n",
         "without the required property EnhancedKeyUsageOids"},
        {"a #TYPE line without a type", "Get-CsSite.csv", "#TYPE\r\n\"Identity\"\r\n",
         "Get-CsSite.csv:1:1: a CSV export may start with '#TYPE <type name>'"},
    };
    for (const ErrorRow& row : rows) {
        SCOPED_TRACE(row.name);
        TempDir dir;
        write_text(dir.path() / row.file_name, row.content);
        const std::string error = error_of(dir.path().string());
        EXPECT_NE(error.find(row.expected), std::string::npos) << error;
    }
}

// PORT-AV-02 judges only a stated media range: the model records which input stated it.
TEST(SettingsFrom, MediaRangeKeepsTheInputThatStatedIt) {
    const Model topology = collected_topology();  // <Port Usage="MediaCommunication" Range=...>
    ASSERT_TRUE(topology.edge_pools[0].ports.media_range_where.has_value());
    EXPECT_EQ(topology.edge_pools[0].ports.media_range_where->line, 145);
    const Model exported = with_exports({kCollected + "/exports"});
    ASSERT_TRUE(exported.edge_pools[0].ports.media_range_where.has_value());
    const std::string file = exported.edge_pools[0].ports.media_range_where->file;
    EXPECT_NE(file.find("Get-CsService-EdgeServer.xml"), std::string::npos) << file;
    // An export without the two properties leaves the topology's statement in place.
    TempDir dir;
    write_text(dir.path() / "Get-CsService-EdgeServer.csv",
               "\"Identity\",\"AccessEdgeClientSipPort\"\r\n"
               "\"EdgeServer:edgepool.dmz.corp.example\",\"443\"\r\n");
    const Model ports_only = with_exports({dir.path().string()});
    EXPECT_EQ(ports_only.edge_pools[0].ports.media_range_where->line, 145);
    // An edgeplan topology without mediaPortStart/mediaPortCount states nothing: the default.
    LoadRequest request;
    request.topology_path = kSource + "/samples/s1-single-public/topology.xml";
    const Model planned = load_model(request);
    EXPECT_FALSE(planned.edge_pools[0].ports.media_range_where.has_value());
    EXPECT_EQ(planned.edge_pools[0].ports.media_start, 50000);
}

TEST(SettingsFrom, UnknownExtraPropertiesAreIgnored) {
    TempDir dir;
    write_text(dir.path() / "Get-CsMediaConfiguration.csv",
               "\"Identity\",\"EncryptionLevel\",\"SomethingNewerThanThisTool\"\r\n"
               "\"Global\",\"DoNotSupportEncryption\",\"whatever\"\r\n");
    EXPECT_EQ(with_exports({dir.path().string()}).media_encryption,
              EncryptionLevel::do_not_support);
}

// --- the folder itself ----------------------------------------------------------------------

TEST(SettingsFrom, FolderRules) {
    {
        SCOPED_TRACE("a file instead of a directory");
        const std::string error = error_of(kCollected + "/topology.xml");
        EXPECT_NE(error.find("--settings-from needs a directory"), std::string::npos) << error;
    }
    {
        SCOPED_TRACE("a missing directory");
        EXPECT_NE(error_of("/nonexistent/exports").find("cannot open directory"),
                  std::string::npos);
    }
    {
        SCOPED_TRACE("subdirectories, hidden files and the topology are left alone");
        TempDir dir;
        fs::create_directories(dir.path() / "old");
        write_text(dir.path() / "old" / "junk.csv", "\"Foo\"\r\n\"1\"\r\n");
        write_text(dir.path() / ".DS_Store", "\x00\x01garbage");
        fs::copy_file(kCollected + "/topology.xml", dir.path() / "Get-CsTopology.xml");
        write_text(dir.path() / "Get-CsMediaConfiguration.csv",
                   "\"Identity\",\"EncryptionLevel\"\r\n\"Global\",\"SupportEncryption\"\r\n");
        const Model m = with_exports({dir.path().string()});
        EXPECT_EQ(m.media_encryption, EncryptionLevel::support);
        EXPECT_EQ(m.exports.size(), 1u);
    }
    {
        SCOPED_TRACE("a folder without any export is refused, not ignored");
        TempDir dir;
        fs::copy_file(kCollected + "/topology.xml", dir.path() / "Get-CsTopology.xml");
        const std::string error = error_of(dir.path().string());
        EXPECT_NE(error.find("holds no Get-Cs* export"), std::string::npos) << error;
        TempDir empty;
        EXPECT_NE(error_of(empty.path().string()).find("holds no Get-Cs* export"),
                  std::string::npos);
    }
    {
        SCOPED_TRACE("a FIFO is refused, not waited on");
        TempDir dir;
        ASSERT_EQ(::mkfifo((dir.path() / "Get-CsSite.csv").c_str(), 0600), 0);
        const std::string error = error_of(dir.path().string());
        EXPECT_NE(error.find("Get-CsSite.csv"), std::string::npos) << error;
        EXPECT_NE(error.find("FIFO"), std::string::npos) << error;
    }
    {
        SCOPED_TRACE("two files of one cmdlet");
        TempDir dir;
        const std::string media =
            "\"Identity\",\"EncryptionLevel\"\r\n\"Global\",\"SupportEncryption\"\r\n";
        write_text(dir.path() / "a-MediaConfiguration.csv", media);
        write_text(dir.path() / "b-MediaConfiguration.csv", media);
        const std::string error = error_of(dir.path().string());
        EXPECT_NE(error.find("a-MediaConfiguration.csv"), std::string::npos) << error;
        EXPECT_NE(error.find("b-MediaConfiguration.csv"), std::string::npos) << error;
    }
    {
        SCOPED_TRACE("the number of files is bounded");
        TempDir dir;
        for (int i = 0; i < 5; ++i) {
            write_text(dir.path() / ("f" + std::to_string(i) + ".csv"), "\"Foo\"\r\n");
        }
        Model m = collected_topology();
        ExportDirectoryLimits limits;
        limits.max_files = 4;
        try {
            apply_powershell_exports(dir.path().string(), m, limits);
            ADD_FAILURE() << "no error";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("holds more than 4 files"), std::string::npos)
                << e.what();
        }
    }
    {
        SCOPED_TRACE("a file over the size limit");
        TempDir dir;
        write_text(dir.path() / "Get-CsSite.csv", std::string(2048, 'x'));
        Model m = collected_topology();
        ExportDirectoryLimits limits;
        limits.file.max_file_bytes = 1024;
        try {
            apply_powershell_exports(dir.path().string(), m, limits);
            ADD_FAILURE() << "no error";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("over the limit of 1024"), std::string::npos)
                << e.what();
        }
    }
}

// --- order: folders in order, then --settings -----------------------------------------------

TEST(SettingsFrom, LaterFoldersAndSettingsOverride) {
    TempDir first, second;
    write_text(first.path() / "Get-CsMediaConfiguration.csv",
               "\"Identity\",\"EncryptionLevel\"\r\n\"Global\",\"DoNotSupportEncryption\"\r\n");
    write_text(first.path() / "Get-CsAllowedDomain.csv", "\"Domain\"\r\n\"a.example\"\r\n");
    write_text(second.path() / "Get-CsMediaConfiguration.csv",
               "\"Identity\",\"EncryptionLevel\"\r\n\"Global\",\"SupportEncryption\"\r\n");
    const Model two = with_exports({first.path().string(), second.path().string()});
    EXPECT_EQ(two.media_encryption, EncryptionLevel::support);
    ASSERT_EQ(two.federation.allowed.size(), 1u);  // kept: the second folder has no such list

    TempDir settings_dir;
    const fs::path settings = settings_dir.path() / "settings.xml";
    write_text(settings,
               "<Settings xmlns=\"urn:edgeplan:topology:1\">\n"
               "  <Federation><AllowedDomain domain=\"b.example\"/></Federation>\n"
               "  <Media encryptionLevel=\"requireEncryption\"/>\n</Settings>\n");
    const Model overridden =
        with_exports({first.path().string(), second.path().string()}, settings.string());
    EXPECT_EQ(overridden.media_encryption, EncryptionLevel::require);
    ASSERT_EQ(overridden.federation.allowed.size(), 1u);
    EXPECT_EQ(overridden.federation.allowed[0].domain, "b.example");
    EXPECT_EQ(overridden.federation.allowed[0].where.file, settings.string());
}

}  // namespace
