// Recognising which Get-Cs cmdlet wrote an export (docs/settings-from.md, "Recognition"):
// the content decides where it can (CLIXML type names, the CSV #TYPE line, or a property only
// one cmdlet has), the file name where it cannot. Type names and properties are those of the
// cmdlets' reference pages (docs/settings-from.md cites each).
#include <cctype>

#include "topology/input_error.h"
#include "topology/powershell_export.h"

namespace edgeplan::topology::powershell {
namespace {

struct CmdletInfo {
    Cmdlet cmdlet;
    const char* name;
    // Class names (the part after the last '.') of the output types the reference page lists.
    std::vector<const char*> classes;
    // Properties no other supported cmdlet's output has.
    std::vector<const char*> markers;
    // The noun a file name carries ("Get-CsAllowedDomain.csv", "AllowedDomains.json").
    const char* noun;
};

const std::vector<CmdletInfo>& cmdlets() {
    static const std::vector<CmdletInfo> kCmdlets = {
        {Cmdlet::access_edge,
         "Get-CsAccessEdgeConfiguration",
         {"DisplayAccessEdgeSettingsDnsSrvRouting", "DisplayAccessEdgeSettingsDefaultRoute",
          "AccessEdgeSettings"},
         {"AllowFederatedUsers", "AllowOutsideUsers", "AllowAnonymousUsers", "BeClearingHouse",
          "EnablePartnerDiscovery", "DefaultRouteFqdn", "RoutingMethod",
          "EnableArchivingDisclaimer"},
         "AccessEdgeConfiguration"},
        {Cmdlet::allowed_domain,
         "Get-CsAllowedDomain",
         {"AllowedDomain"},
         {"MarkForMonitoring"},
         "AllowedDomain"},
        {Cmdlet::blocked_domain, "Get-CsBlockedDomain", {"BlockedDomain"}, {}, "BlockedDomain"},
        {Cmdlet::hosting_provider,
         "Get-CsHostingProvider",
         {"DisplayHostingProvider", "HostingProvider"},
         {"EnabledSharedAddressSpace", "HostsOCSUsers", "IsLocal", "AutodiscoverUrl"},
         "HostingProvider"},
        {Cmdlet::public_provider,
         "Get-CsPublicProvider",
         {"DisplayPublicProvider", "PublicProvider"},
         {"IconUrl", "NameDecorationDomain", "NameDecorationRoutingDomain",
          "NameDecorationExcludedDomainList", "EnableSkypeIdRouting", "EnableSkypeDirectorySearch"},
         "PublicProvider"},
        {Cmdlet::external_access_policy,
         "Get-CsExternalAccessPolicy",
         {"ExternalAccessPolicy"},
         {"EnableFederationAccess", "EnablePublicCloudAccess", "EnablePublicCloudAudioVideoAccess",
          "EnableOutsideAccess", "EnableXmppAccess"},
         "ExternalAccessPolicy"},
        {Cmdlet::xmpp_partner,
         "Get-CsXmppAllowedPartner",
         {"XmppAllowedPartner"},
         {"PartnerType", "TlsNegotiation", "SaslNegotiation", "SupportDialbackNegotiation",
          "AdditionalDomains", "EnableKeepAlive"},
         "XmppAllowedPartner"},
        {Cmdlet::xmpp_gateway,
         "Get-CsXmppGatewayConfiguration",
         {"XmppGatewaySettings"},
         {"StreamEstablishmentTimeout", "StreamInactivityTimeout", "SubscriptionRefreshInterval",
          "KeepAliveInterval", "PartnerConnectionLimit", "EnableLoggingAllMessageBodies",
          "DialbackPassphrase"},
         "XmppGatewayConfiguration"},
        {Cmdlet::site,
         "Get-CsSite",
         {"Site+CentralSite", "Site+BranchSite", "CentralSite", "BranchSite"},
         {"FederationRoute", "XmppFederationRoute", "SiteType", "ParentSite", "Pools",
          "DefaultPersistentChatPool"},
         "Site"},
        {Cmdlet::sip_domain, "Get-CsSipDomain", {"SipDomain"}, {"IsDefault"}, "SipDomain"},
        {Cmdlet::media,
         "Get-CsMediaConfiguration",
         {"MediaSettings"},
         {"EncryptionLevel", "EnableQoS", "EnableSiren", "MaxVideoRateAllowed"},
         "MediaConfiguration"},
        {Cmdlet::edge_service,
         "Get-CsService -EdgeServer",
         {"DisplayEdgeServer"},
         {"AccessEdgeClientSipPort", "AccessEdgeExternalSipPort", "AccessEdgeInternalSipPort",
          "DataPsomClientPort", "DataPsomServerPort", "MediaCommunicationPortStart",
          "MediaCommunicationPortCount", "MediaRelayAuthEdgePort", "MediaRelayExternalTurnTcpPort",
          "MediaRelayExternalTurnUdpPort"},
         "EdgeServer"},
        {Cmdlet::certificate,
         "Get-CsCertificate",
         {"CertificateReference"},
         // Not Thumbprint or NotAfter: the certificate store export has them too.
         {"AlternativeNames", "PreviousThumbprint", "Use"},
         "Certificate"},
        {Cmdlet::certificate_store,
         "Get-ChildItem Cert:\\LocalMachine\\My",
         {"X509Certificate2"},
         {"EnhancedKeyUsageOids", "PrivateKeyExportable", "HasPrivateKey", "EnhancedKeyUsageList"},
         "CertStore"},
        {Cmdlet::push,
         "Get-CsPushNotificationConfiguration",
         {"PushNotificationConfiguration"},
         {"EnableApplePushNotificationService", "EnableMicrosoftPushNotificationService"},
         "PushNotificationConfiguration"},
    };
    return kCmdlets;
}

std::string class_name(const std::string& type) {
    const std::size_t dot = type.rfind('.');
    return dot == std::string::npos ? type : type.substr(dot + 1);
}

bool has_property(const ExportFile& file, const char* name) {
    for (const std::string& p : file.property_names) {
        if (iequals(p, name)) return true;
    }
    return false;
}

// The noun as a word of the file name: after the start, a non-letter or "Cs", and before the
// end, a non-letter, or a plural 's' ("Get-CsSite.csv", "sites.json", "AllowedDomains.csv";
// not "website.csv").
bool mentions(const std::string& stem, const std::string& noun) {
    auto alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = 0; i + noun.size() <= stem.size(); ++i) {
        if (!iequals(std::string_view(stem).substr(i, noun.size()), noun)) continue;
        const bool before = i == 0 || !alpha(stem[i - 1]) ||
                            (i >= 2 && iequals(std::string_view(stem).substr(i - 2, 2), "Cs"));
        const std::size_t j = i + noun.size();
        const bool after =
            j == stem.size() || !alpha(stem[j]) ||
            ((stem[j] == 's' || stem[j] == 'S') && (j + 1 == stem.size() || !alpha(stem[j + 1])));
        if (before && after) return true;
    }
    return false;
}

std::string names_of(const std::vector<Cmdlet>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == list.size() ? " or " : ", ");
        out += cmdlet_name(list[i]);
    }
    return out;
}

std::string nouns_of(const std::vector<Cmdlet>& list) {
    std::string out;
    for (Cmdlet c : list) {
        for (const CmdletInfo& info : cmdlets()) {
            if (info.cmdlet == c) out += (out.empty() ? "" : ", ") + std::string(info.noun);
        }
    }
    return out;
}

}  // namespace

const char* cmdlet_name(Cmdlet cmdlet) {
    for (const CmdletInfo& info : cmdlets()) {
        if (info.cmdlet == cmdlet) return info.name;
    }
    return "?";
}

Cmdlet recognise(const ExportFile& file, const std::string& file_name) {
    // 1. Type names: CLIXML <TN> or the CSV #TYPE line.
    for (const std::string& type : file.type_names) {
        const std::string cls = class_name(type);
        for (const CmdletInfo& info : cmdlets()) {
            for (const char* c : info.classes) {
                if (cls == c) return info.cmdlet;
            }
        }
    }
    // 2. Properties only one cmdlet writes.
    std::vector<Cmdlet> by_content;
    for (const CmdletInfo& info : cmdlets()) {
        bool marked = false;
        for (const char* marker : info.markers) marked = marked || has_property(file, marker);
        if (marked) by_content.push_back(info.cmdlet);
    }
    if (by_content.size() == 1) return by_content.front();
    // Shapes two cmdlets share: Domain[,ProxyFqdn,Comment] is an allowed or a blocked domain;
    // Identity/ProxyFqdn/VerificationLevel/Enabled a hosting or a public provider.
    if (by_content.empty() && has_property(file, "Domain")) {
        by_content = {Cmdlet::allowed_domain, Cmdlet::blocked_domain};
    } else if (by_content.empty() && has_property(file, "ProxyFqdn") &&
               (has_property(file, "VerificationLevel") || has_property(file, "Enabled"))) {
        by_content = {Cmdlet::hosting_provider, Cmdlet::public_provider};
    }
    // 3. The cmdlet noun in the file name, among what the content allows.
    std::string stem = file_name;
    if (const std::size_t dot = stem.rfind('.'); dot != std::string::npos && dot > 0) {
        stem.erase(dot);
    }
    std::vector<Cmdlet> by_name;
    for (const CmdletInfo& info : cmdlets()) {
        if (!mentions(stem, info.noun)) continue;
        bool allowed = by_content.empty();
        for (Cmdlet c : by_content) allowed = allowed || c == info.cmdlet;
        if (allowed) by_name.push_back(info.cmdlet);
    }
    if (by_name.size() == 1) return by_name.front();
    const SourceLocation where = file.where.known() ? file.where : SourceLocation{file.path, 1, 1};
    if (!by_content.empty()) {
        throw InputError(
            where, "ambiguous export: the content could be the output of " + names_of(by_content) +
                       "; put one cmdlet noun in the file name (" + nouns_of(by_content) + ")");
    }
    if (by_name.size() > 1) {
        throw InputError(where, "ambiguous export: the file name names " + names_of(by_name) +
                                    "; name one cmdlet");
    }
    std::string what = file.type_names.empty() ? "" : "type " + file.type_names.front() + ", ";
    std::string columns;
    for (std::size_t i = 0; i < file.property_names.size() && i < 8; ++i) {
        columns += (i ? "," : "") + file.property_names[i];
    }
    throw InputError(where, "not recognised as the output of a supported Get-Cs cmdlet (" + what +
                                "properties " + (columns.empty() ? std::string("none") : columns) +
                                "); see docs/settings-from.md for the cmdlets read");
}

}  // namespace edgeplan::topology::powershell
