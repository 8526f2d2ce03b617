#include "checks/setting_sources.h"

#include <stdexcept>
#include <string_view>
#include <utility>

namespace edgeplan::checks {

std::string xml_attribute_text(const std::string& name) {
    std::string out;
    for (char c : name) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '"':
                out += "&quot;";
                break;
            // A reader turns a literal tab or line end in an attribute value into a space.
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

const std::vector<SettingSource>& setting_sources() {
    // Snippets use the attribute names of docs/topology-format.md; POOL, SITE, DOMAIN and USE
    // stand for the administrator's names.
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
         "<EdgePool ref=\"POOL\"><Certificate use=\"USE\" thumbprint=\"THUMBPRINT\" "
         "usages=\"AccessEdgeExternal DataEdgeExternal AudioVideoAuthentication\"/></EdgePool>"},
        {Setting::edge_media_ports, "Get-CsService -EdgeServer",
         "MediaCommunicationPortStart, MediaCommunicationPortCount",
         "<EdgePool ref=\"POOL\"><External><AudioVideo mediaPortStart=\"50000\" "
         "mediaPortCount=\"10000\"/></External></EdgePool>"},
        // Get-CsCertificate does not say these; the collector reads them from the store of the
        // server the certificate is installed on (tools/Collect-EdgeplanInputs.ps1).
        {Setting::certificate_key_facts, "Get-ChildItem Cert:\\LocalMachine\\My",
         "Thumbprint, EnhancedKeyUsageOids, PrivateKeyExportable",
         "<EdgePool ref=\"POOL\"><Certificate use=\"USE\" serverEku=\"true\" clientEku=\"true\" "
         "exportableKey=\"true\"/></EdgePool>"},
    };
    return kSources;
}

const SettingSource& setting_source(Setting setting) {
    for (const SettingSource& source : setting_sources()) {
        if (source.setting == setting) return source;
    }
    throw std::logic_error("setting without a row in setting_sources()");
}

std::string settings_snippet(Setting setting, const SnippetNames& names) {
    const std::string snippet = setting_source(setting).settings_xml;
    // A placeholder is a whole attribute value, quotes included. One pass from left to right,
    // so a name that spells a placeholder ("SITE") is copied, never filled in again.
    const std::pair<std::string_view, const std::string*> placeholders[] = {
        {"\"POOL\"", &names.pool},
        {"\"SITE\"", &names.site},
        {"\"DOMAIN\"", &names.domain},
        {"\"USE\"", &names.use}};
    std::string out;
    for (std::size_t at = 0; at < snippet.size();) {
        bool filled = false;
        for (const auto& [placeholder, name] : placeholders) {
            if (name->empty() || snippet.compare(at, placeholder.size(), placeholder) != 0)
                continue;
            out += "\"" + xml_attribute_text(*name) + "\"";
            at += placeholder.size();
            filled = true;
            break;
        }
        if (!filled) out += snippet[at++];
    }
    return out;
}

std::string how_to_state(Setting setting, const SnippetNames& names) {
    const SettingSource& s = setting_source(setting);
    return std::string("export ") + s.cmdlet + " (" + s.properties +
           ") with --settings-from, or write " + settings_snippet(setting, names) +
           " in --settings";
}

}  // namespace edgeplan::checks
