#include "checks/setting_sources.h"

#include <stdexcept>

namespace edgeplan::checks {

const std::vector<SettingSource>& setting_sources() {
    // Snippets use the attribute names of docs/topology-format.md; POOL and SITE stand for the
    // administrator's names.
    static const std::vector<SettingSource> kSources{
        {Setting::federation_enabled, "Get-CsAccessEdgeConfiguration", "AllowFederatedUsers",
         "<Federation enabled=\"true\"/>"},
        {Setting::partner_discovery, "Get-CsAccessEdgeConfiguration", "EnablePartnerDiscovery",
         "<Federation partnerDiscovery=\"true\"/>"},
        {Setting::federation_routing, "Get-CsAccessEdgeConfiguration",
         "UseDnsSrvRouting, UseDefaultRouting", "<Federation routing=\"dnsSrv\"/>"},
        {Setting::external_access_policies, "Get-CsExternalAccessPolicy",
         "EnableFederationAccess, EnablePublicCloudAccess, EnableXmppAccess",
         "<ExternalAccessPolicies><Policy name=\"Global\" federation=\"true\"/>"
         "</ExternalAccessPolicies>"},
        {Setting::hosting_providers, "Get-CsHostingProvider", "ProxyFqdn, Enabled",
         "<Federation><HostingProvider name=\"LyncOnline\" "
         "proxyFqdn=\"sipfed.online.lync.com\"/></Federation>"},
        {Setting::mobile_push, "Get-CsPushNotificationConfiguration",
         "EnableApplePushNotificationService, EnableMicrosoftPushNotificationService",
         "<SipDomains><SipDomain name=\"DOMAIN\" mobilePush=\"true\"/></SipDomains>"},
        {Setting::media_encryption, "Get-CsMediaConfiguration", "EncryptionLevel",
         "<Media encryptionLevel=\"requireEncryption\"/>"},
        {Setting::federation_route, "Get-CsSite", "FederationRoute",
         "<Site ref=\"SITE\" federationRoute=\"POOL\"/>"},
        {Setting::xmpp_route, "Get-CsSite", "XmppFederationRoute",
         "<Site ref=\"SITE\" xmppRoute=\"POOL\"/>"},
        {Setting::edge_certificates, "Get-CsCertificate",
         "Use, Thumbprint, Subject, AlternativeNames",
         "<EdgePool ref=\"POOL\"><Certificate use=\"external\" thumbprint=\"THUMBPRINT\" "
         "usages=\"AccessEdgeExternal DataEdgeExternal AudioVideoAuthentication\"/></EdgePool>"},
        {Setting::edge_media_ports, "Get-CsService -EdgeServer",
         "MediaCommunicationPortStart, MediaCommunicationPortCount",
         "<EdgePool ref=\"POOL\"><External><AudioVideo mediaPortStart=\"50000\" "
         "mediaPortCount=\"10000\"/></External></EdgePool>"},
    };
    return kSources;
}

const SettingSource& setting_source(Setting setting) {
    for (const SettingSource& source : setting_sources()) {
        if (source.setting == setting) return source;
    }
    throw std::logic_error("setting without a row in setting_sources()");
}

std::string how_to_state(Setting setting) {
    const SettingSource& s = setting_source(setting);
    return std::string("export ") + s.cmdlet + " (" + s.properties +
           ") with --settings-from, or write " + s.settings_xml + " in --settings";
}

}  // namespace edgeplan::checks
