#pragma once
// Which Get-Cs cmdlet states a setting, and the --settings XML that states it by hand: the one
// table every "unknown_input" finding about a missing setting reads (docs/settings-from.md,
// "Which cmdlet answers an unknown"), so the advice never drifts between checks.
#include <string>
#include <utility>
#include <vector>

namespace edgeplan::checks {

enum class Setting {
    federation_enabled,        // AllowFederatedUsers
    partner_discovery,         // EnablePartnerDiscovery
    federation_routing,        // UseDnsSrvRouting / UseDefaultRouting
    external_access_policies,  // EnableFederationAccess, EnablePublicCloudAccess, ...
    hosting_providers,         // Get-CsHostingProvider (push.lync.com, LyncOnline)
    mobile_push,               // EnableApple/MicrosoftPushNotificationService
    media_encryption,          // EncryptionLevel
    federation_route,          // Get-CsSite FederationRoute
    xmpp_route,                // Get-CsSite XmppFederationRoute
    edge_certificates,         // Get-CsCertificate on each Edge
    edge_media_ports,          // MediaCommunicationPortStart / MediaCommunicationPortCount
    certificate_key_facts,     // EKUs and key exportability: each Edge's certificate store
};

struct SettingSource {
    Setting setting;
    const char* cmdlet;        // as the collector runs it (tools/Collect-EdgeplanInputs.ps1)
    const char* properties;    // the properties of its output that state the setting
    const char* settings_xml;  // the --settings snippet that states it (docs/topology-format.md)
};

const std::vector<SettingSource>& setting_sources();  // one row per Setting
const SettingSource& setting_source(Setting setting);

// The administrator's names a finding knows, for the snippet's placeholders POOL, SITE, DOMAIN
// and USE (a certificate's use, "external" or "internal"): an admin copies
// `<Site ref="Redmond" xmppRoute="edge.contoso.net"/>`, not a template. An empty name leaves
// its placeholder.
struct SnippetNames {
    std::string pool;
    std::string site;
    std::string domain;
    std::string use;
};
inline SnippetNames pool_names(std::string pool) { return {std::move(pool), "", "", ""}; }
inline SnippetNames domain_names(std::string domain) { return {"", "", std::move(domain), ""}; }
inline SnippetNames certificate_names(std::string pool, std::string use) {
    return {std::move(pool), "", "", std::move(use)};
}

// A name as an XML attribute value (& < " tab CR LF escaped): names come from the topology, which
// may hold any text, and a snippet must give back the name it was filled with.
std::string xml_attribute_text(const std::string& name);

// The row's settings snippet with the known names filled in.
std::string settings_snippet(Setting setting, const SnippetNames& names = {});

// "<what>: export <cmdlet> (<properties>) with --settings-from, or write <snippet> in
// --settings", the sentence an unknown finding ends with.
std::string how_to_state(Setting setting, const SnippetNames& names = {});

}  // namespace edgeplan::checks
