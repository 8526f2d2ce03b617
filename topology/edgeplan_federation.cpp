// <Federation>, <ExternalAccessPolicies> and <Media> of the edgeplan format: CMS settings that
// no Lync topology export carries, so they come from here or from a --settings file.
#include "topology/edgeplan_element.h"
#include "topology/edgeplan_sections.h"
#include "topology/strings.h"

namespace edgeplan::topology::edgeplan_format {
namespace {

Negotiation negotiation(const Element& e, const char* attribute) {
    // XMPP-NEG: TLS and SASL negotiation are Required, Optional or NotSupported.
    return e
        .choice<Negotiation>(attribute, {{"required", Negotiation::required},
                                         {"optional", Negotiation::optional},
                                         {"notSupported", Negotiation::not_supported}})
        .value_or(Negotiation::optional);
}

AllowedDomain read_allowed(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node, {"domain", "proxyFqdn", "version"}, {});
    AllowedDomain allowed;
    allowed.domain = e.required_fqdn("domain");
    allowed.proxy_fqdn = e.fqdn("proxyFqdn").value_or("");
    allowed.version =
        e.choice<PartnerVersion>("version", {{"unknown", PartnerVersion::unknown},
                                             {"sfb", PartnerVersion::skype_for_business},
                                             {"lync2013", PartnerVersion::lync2013},
                                             {"lync2010", PartnerVersion::lync2010},
                                             {"ocs2007r2", PartnerVersion::ocs2007r2},
                                             {"ocs2007", PartnerVersion::ocs2007}})
            .value_or(PartnerVersion::unknown);
    allowed.where = e.where();
    return allowed;
}

HostingProvider read_hosting(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node, {"name", "proxyFqdn", "verification", "enabled"}, {});
    HostingProvider provider;
    provider.name = e.required_token("name");
    provider.proxy_fqdn = e.required_fqdn("proxyFqdn");
    // HOSTPROV: VerificationLevel of New-CsHostingProvider.
    if (e.has("verification")) {
        provider.verification_level = e.required_token("verification");
        e.choice<int>(
            "verification",
            {{"alwaysVerifiable", 0}, {"alwaysUnverifiable", 1}, {"useSourceVerification", 2}});
    }
    provider.enabled = e.boolean_or("enabled", true);
    provider.where = e.where();
    return provider;
}

PublicProvider read_public(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node, {"name", "enabled", "proxyFqdn"}, {});
    PublicProvider provider;
    if (!e.has("name")) e.fail("<PublicProvider> is missing required attribute 'name'");
    // PUBPROV / PIC-STATUS: the providers Lync 2013 public IM connectivity knows.
    provider.kind =
        *e.choice<PublicProviderKind>("name", {{"windowsLive", PublicProviderKind::windows_live},
                                               {"skype", PublicProviderKind::skype},
                                               {"aol", PublicProviderKind::aol},
                                               {"yahoo", PublicProviderKind::yahoo}});
    provider.enabled = e.boolean_or("enabled", false);
    provider.proxy_fqdn = e.fqdn("proxyFqdn").value_or("");
    provider.where = e.where();
    return provider;
}

XmppPartner read_xmpp_partner(const XmlSource& source, pugi::xml_node node) {
    const Element e(source, node, {"domain", "type", "tls", "sasl", "dialback"},
                    {"AdditionalDomain"});
    XmppPartner partner;
    partner.domain = e.required_fqdn("domain");
    // XMPP-PARTNER: PartnerType Federated, PublicVerified or PublicUnverified.
    partner.type = e.choice<XmppPartnerType>(
                        "type", {{"federated", XmppPartnerType::federated},
                                 {"publicVerified", XmppPartnerType::public_verified},
                                 {"publicUnverified", XmppPartnerType::public_unverified}})
                       .value_or(XmppPartnerType::federated);
    partner.tls = negotiation(e, "tls");
    partner.sasl = negotiation(e, "sasl");
    partner.dialback = e.boolean_or("dialback", true);
    for (pugi::xml_node child : e.children("AdditionalDomain")) {
        partner.additional_domains.push_back(
            Element(source, child, {"domain"}, {}).required_fqdn("domain"));
    }
    partner.where = e.where();
    return partner;
}

// Reads every child called `name` with `read`, replacing `into` when there is at least one.
template <typename T, typename Read>
void replace_list(const Element& e, const char* name, std::vector<T>& into, Read read) {
    const std::vector<pugi::xml_node> children = e.children(name);
    if (children.empty()) return;
    into.clear();
    for (pugi::xml_node child : children) into.push_back(read(e.source(), child));
}

}  // namespace

void read_federation(const XmlSource& source, pugi::xml_node node, FederationSettings& into) {
    const Element e(
        source, node,
        {"enabled", "partnerDiscovery", "routing", "archivingDisclaimer", "archivingExternal"},
        {"AllowedDomain", "BlockedDomain", "HostingProvider", "PublicProvider", "XmppPartner"});
    into.stated = true;
    into.where = e.where();
    if (auto v = e.boolean("enabled")) into.enabled = v;
    if (auto v = e.boolean("partnerDiscovery")) into.partner_discovery = v;
    if (auto v = e.choice<RoutingMethod>("routing", {{"dnsSrv", RoutingMethod::dns_srv},
                                                     {"default", RoutingMethod::default_route}})) {
        into.routing = v;
    }
    if (auto v = e.boolean("archivingDisclaimer")) into.archiving_disclaimer = v;
    if (auto v = e.boolean("archivingExternal")) into.archiving_external = v;
    replace_list(e, "AllowedDomain", into.allowed, read_allowed);
    replace_list(e, "BlockedDomain", into.blocked, [](const XmlSource& s, pugi::xml_node n) {
        const Element blocked(s, n, {"domain"}, {});
        return BlockedDomain{blocked.required_fqdn("domain"), blocked.where()};
    });
    replace_list(e, "HostingProvider", into.hosting_providers, read_hosting);
    replace_list(e, "PublicProvider", into.public_providers, read_public);
    replace_list(e, "XmppPartner", into.xmpp_partners, read_xmpp_partner);
}

void read_policies(const XmlSource& source, pugi::xml_node node,
                   std::vector<ExternalAccessPolicy>& into, bool merge) {
    const Element list(source, node, {}, {"Policy"});
    for (pugi::xml_node child : list.children("Policy")) {
        const Element e(
            source, child,
            {"name", "assigned", "federation", "publicIm", "publicAv", "xmpp", "outside"}, {});
        // PUBPOL / XMPP-POLICY: Set-CsExternalAccessPolicy switches, all off by default.
        ExternalAccessPolicy policy;
        policy.name = e.required_token("name");
        policy.assigned = e.boolean_or("assigned", true);
        policy.federation = e.boolean_or("federation", false);
        policy.public_im = e.boolean_or("publicIm", false);
        policy.public_av = e.boolean_or("publicAv", false);
        policy.xmpp = e.boolean_or("xmpp", false);
        policy.outside = e.boolean_or("outside", false);
        policy.where = e.where();
        bool replaced = false;
        if (merge) {
            for (ExternalAccessPolicy& existing : into) {
                if (!replaced && strings::iequals(existing.name, policy.name)) {
                    existing = policy;
                    replaced = true;
                }
            }
        }
        if (!replaced) into.push_back(std::move(policy));
    }
}

void read_media(const XmlSource& source, pugi::xml_node node, Model& model) {
    const Element e(source, node, {"encryptionLevel"}, {});
    if (!e.has("encryptionLevel"))
        e.fail("<Media> is missing required attribute 'encryptionLevel'");
    // MEDIAENC: Set-CsMediaConfiguration -EncryptionLevel.
    model.media_encryption = e.choice<EncryptionLevel>(
        "encryptionLevel", {{"requireEncryption", EncryptionLevel::require},
                            {"supportEncryption", EncryptionLevel::support},
                            {"doNotSupportEncryption", EncryptionLevel::do_not_support}});
}

}  // namespace edgeplan::topology::edgeplan_format
