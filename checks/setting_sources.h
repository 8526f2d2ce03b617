#pragma once
// Which Get-Cs cmdlet states a setting, and the --settings XML that states it by hand: the one
// table every "unknown_input" finding about a missing setting reads (docs/settings-from.md,
// "Which cmdlet answers an unknown"), so the advice never drifts between checks.
#include <string>
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
};

struct SettingSource {
    Setting setting;
    const char* cmdlet;        // as the collector runs it (tools/Collect-EdgeplanInputs.ps1)
    const char* properties;    // the properties of its output that state the setting
    const char* settings_xml;  // the --settings snippet that states it (docs/topology-format.md)
};

const std::vector<SettingSource>& setting_sources();  // one row per Setting
const SettingSource& setting_source(Setting setting);

// "<what>: export <cmdlet> (<properties>) with --settings-from, or write <snippet> in
// --settings", the sentence an unknown finding ends with.
std::string how_to_state(Setting setting);

}  // namespace edgeplan::checks
