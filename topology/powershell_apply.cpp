// Taking one recognised export into the model, with the merge rules of a --settings file
// (docs/topology-format.md, "The --settings file"; docs/settings-from.md, "Merge rules"):
// lists replace lists, policies replace policies of the same name, single settings override.
// Every element keeps the file:line:column of the object it came from.
#include <algorithm>
#include <cctype>

#include "topology/input_error.h"
#include "topology/powershell_export.h"
#include "topology/powershell_values.h"

namespace edgeplan::topology::powershell {
namespace {

bool same(const std::string& a, const std::string& b) { return iequals(a, b); }

// The Global object of a configuration cmdlet, else its only one.
const ExportRecord* global_record(const ExportFile& file, const char* cmdlet) {
    if (file.records.empty()) return nullptr;
    for (const ExportRecord& record : file.records) {
        const std::optional<std::string> identity = text_of(record, "Identity");
        if (identity && same(*identity, "Global")) return &record;
    }
    if (file.records.size() == 1) return &file.records.front();
    throw InputError(file.records[1].where, std::string(cmdlet) +
                                                " output with several objects and none of them "
                                                "Global");
}

void apply_access_edge(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsAccessEdgeConfiguration", {"AllowFederatedUsers"});
    const ExportRecord* record = global_record(file, "Get-CsAccessEdgeConfiguration");
    if (!record) return;
    FederationSettings& f = model.federation;
    f.stated = true;
    f.where = record->where;
    if (auto v = boolean_of(*record, "AllowFederatedUsers")) f.enabled = v;
    if (auto v = boolean_of(*record, "EnablePartnerDiscovery")) f.partner_discovery = v;
    if (auto v = boolean_of(*record, "EnableArchivingDisclaimer")) f.archiving_disclaimer = v;
    // RoutingMethod as the object shows it; else the output type, which differs by method.
    if (auto v = choice_of<RoutingMethod>(*record, "RoutingMethod",
                                          {{"UseDnsSrvRouting", RoutingMethod::dns_srv},
                                           {"UseDefaultRouting", RoutingMethod::default_route}})) {
        f.routing = v;
    } else {
        for (const std::string& type : file.type_names) {
            if (type.find("DisplayAccessEdgeSettingsDnsSrvRouting") != std::string::npos) {
                f.routing = RoutingMethod::dns_srv;
            }
            if (type.find("DisplayAccessEdgeSettingsDefaultRoute") != std::string::npos) {
                f.routing = RoutingMethod::default_route;
            }
        }
    }
}

void apply_allowed(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsAllowedDomain", {"Domain", "Identity"});
    std::vector<AllowedDomain> list;
    for (const ExportRecord& record : file.records) {
        AllowedDomain allowed;
        std::optional<std::string> domain = name_of(record, "Domain");
        if (!domain) domain = name_of(record, "Identity");
        if (!domain) throw InputError(record.where, "allowed domain without Domain");
        allowed.domain = *domain;
        allowed.proxy_fqdn = name_of(record, "ProxyFqdn").value_or("");
        allowed.where = record.where;
        list.push_back(std::move(allowed));
    }
    model.federation.allowed = std::move(list);
    model.federation.stated = true;
}

void apply_blocked(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsBlockedDomain", {"Domain", "Identity"});
    std::vector<BlockedDomain> list;
    for (const ExportRecord& record : file.records) {
        std::optional<std::string> domain = name_of(record, "Domain");
        if (!domain) domain = name_of(record, "Identity");
        if (!domain) throw InputError(record.where, "blocked domain without Domain");
        list.push_back(BlockedDomain{*domain, record.where});
    }
    model.federation.blocked = std::move(list);
    model.federation.stated = true;
}

void apply_hosting(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsHostingProvider", {"ProxyFqdn"});
    std::vector<HostingProvider> list;
    for (const ExportRecord& record : file.records) {
        HostingProvider provider;
        const std::optional<std::string> name = first_text(record, {"Identity", "Name"});
        if (!name) throw InputError(record.where, "hosting provider without Identity or Name");
        provider.name = *name;
        const std::optional<std::string> proxy = name_of(record, "ProxyFqdn");
        if (!proxy) throw InputError(record.where, "hosting provider without ProxyFqdn");
        provider.proxy_fqdn = *proxy;
        // The settings file's tokens for VerificationLevel (HOSTPROV).
        if (auto level =
                choice_of<const char*>(record, "VerificationLevel",
                                       {{"AlwaysVerifiable", "alwaysVerifiable"},
                                        {"AlwaysUnverifiable", "alwaysUnverifiable"},
                                        {"UseSourceVerification", "useSourceVerification"}})) {
            provider.verification_level = *level;
        }
        provider.enabled = boolean_of(record, "Enabled").value_or(true);
        provider.where = record.where;
        list.push_back(std::move(provider));
    }
    model.federation.hosting_providers = std::move(list);
    model.federation.stated = true;
}

void apply_public(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsPublicProvider", {"Identity", "Name"});
    std::vector<PublicProvider> list;
    for (const ExportRecord& record : file.records) {
        PublicProvider provider;
        const std::optional<std::string> name = first_text(record, {"Identity", "Name"});
        if (!name) throw InputError(record.where, "public provider without Identity or Name");
        // The entries Lync Server 2013 ships (PUBPROV, PIC-STATUS); MSN is Windows Live.
        static const std::vector<std::pair<const char*, PublicProviderKind>> kKinds = {
            {"MSN", PublicProviderKind::windows_live},
            {"WindowsLive", PublicProviderKind::windows_live},
            {"Windows Live", PublicProviderKind::windows_live},
            {"Skype", PublicProviderKind::skype},
            {"AOL", PublicProviderKind::aol},
            {"Yahoo", PublicProviderKind::yahoo},
            {"Yahoo!", PublicProviderKind::yahoo}};
        bool known = false;
        for (const auto& [key, kind] : kKinds) {
            if (!known && same(*name, key)) {
                provider.kind = kind;
                known = true;
            }
        }
        if (!known) {
            const ExportValue* value = present(record, "Identity");
            if (!value) value = present(record, "Name");
            fail_value(*value, "public provider '" + *name +
                                   "' is none of MSN, WindowsLive, Skype, AOL, Yahoo (the "
                                   "providers edgeplan judges)");
        }
        provider.enabled = boolean_of(record, "Enabled").value_or(false);
        provider.proxy_fqdn = name_of(record, "ProxyFqdn").value_or("");
        provider.where = record.where;
        list.push_back(provider);
    }
    model.federation.public_providers = std::move(list);
    model.federation.stated = true;
}

void apply_policies(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsExternalAccessPolicy", {"Identity"});
    for (const ExportRecord& record : file.records) {
        const std::optional<std::string> identity = text_of(record, "Identity");
        if (!identity) throw InputError(record.where, "external access policy without Identity");
        ExternalAccessPolicy policy;
        // Per-user policies are "Tag:Name"; the settings file names them "Name".
        policy.name = identity->compare(0, 4, "Tag:") == 0 ? identity->substr(4) : *identity;
        policy.federation = boolean_of(record, "EnableFederationAccess").value_or(false);
        policy.public_im = boolean_of(record, "EnablePublicCloudAccess").value_or(false);
        policy.public_av = boolean_of(record, "EnablePublicCloudAudioVideoAccess").value_or(false);
        policy.xmpp = boolean_of(record, "EnableXmppAccess").value_or(false);
        policy.outside = boolean_of(record, "EnableOutsideAccess").value_or(false);
        policy.where = record.where;
        auto same_name = [&](const ExternalAccessPolicy& p) { return same(p.name, policy.name); };
        const auto existing = std::find_if(model.policies.begin(), model.policies.end(), same_name);
        if (existing != model.policies.end()) {
            *existing = policy;
        } else {
            model.policies.push_back(policy);
        }
    }
}

void apply_xmpp_partners(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsXmppAllowedPartner", {"Domain", "Identity"});
    static const std::vector<std::pair<const char*, Negotiation>> kNegotiation = {
        {"Required", Negotiation::required},
        {"Optional", Negotiation::optional},
        {"NotSupported", Negotiation::not_supported}};
    std::vector<XmppPartner> list;
    for (const ExportRecord& record : file.records) {
        XmppPartner partner;
        std::optional<std::string> domain = name_of(record, "Domain");
        if (!domain) domain = name_of(record, "Identity");
        if (!domain) throw InputError(record.where, "XMPP partner without Domain");
        partner.domain = *domain;
        for (std::string d : list_of(record, "AdditionalDomains")) {
            std::transform(d.begin(), d.end(), d.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            partner.additional_domains.push_back(d);
        }
        partner.type =
            choice_of<XmppPartnerType>(record, "PartnerType",
                                       {{"Federated", XmppPartnerType::federated},
                                        {"PublicVerified", XmppPartnerType::public_verified},
                                        {"PublicUnverified", XmppPartnerType::public_unverified}})
                .value_or(XmppPartnerType::federated);
        partner.tls =
            choice_of(record, "TlsNegotiation", kNegotiation).value_or(Negotiation::optional);
        partner.sasl =
            choice_of(record, "SaslNegotiation", kNegotiation).value_or(Negotiation::optional);
        partner.dialback = boolean_of(record, "SupportDialbackNegotiation").value_or(true);
        partner.where = record.where;
        list.push_back(std::move(partner));
    }
    model.federation.xmpp_partners = std::move(list);
    model.federation.stated = true;
}

// The Edge pool a route or service identity names: "EdgeServer:fqdn", a pool id or FQDN.
const EdgePool* edge_pool_named(const Model& model, const std::string& value) {
    const std::string fqdn = without_scope(value);
    for (const EdgePool& pool : model.edge_pools) {
        if (same(pool.id, fqdn) || same(pool.internal_fqdn, fqdn)) return &pool;
    }
    return nullptr;
}

std::string known_pools(const Model& model) {
    std::string known;
    for (const EdgePool& pool : model.edge_pools) known += (known.empty() ? "" : ", ") + pool.id;
    return known.empty() ? "none" : known;
}

void apply_sites(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsSite", {"Identity", "SiteId", "DisplayName"});
    for (const ExportRecord& record : file.records) {
        const std::optional<std::string> site_id = text_of(record, "SiteId");
        const std::optional<std::string> identity = text_of(record, "Identity");
        const std::optional<std::string> display = text_of(record, "DisplayName");
        Site* site = nullptr;
        for (Site& s : model.sites) {
            if (site) break;
            if ((site_id && same(s.id, *site_id)) ||
                (identity && (same(s.name, without_scope(*identity)) ||
                              same(s.id, without_scope(*identity)))) ||
                (display && same(s.name, *display))) {
                site = &s;
            }
        }
        if (!site) {
            std::string known;
            for (const Site& s : model.sites) known += (known.empty() ? "" : ", ") + s.name;
            throw InputError(record.where,
                             "site '" + identity.value_or(display.value_or(site_id.value_or("?"))) +
                                 "' is no site of the topology (known: " + known + ")");
        }
        auto route = [&](const char* property, std::string& into) {
            const std::optional<std::string> value = text_of(record, property);
            if (!value) return;
            const EdgePool* pool = edge_pool_named(model, *value);
            if (!pool) {
                fail_value(
                    *present(record, property),
                    std::string(property) + " '" + *value +
                        "' names no Edge pool of the topology (known: " + known_pools(model) + ")");
            }
            into = pool->id;
        };
        route("FederationRoute", site->federation_route);
        route("XmppFederationRoute", site->xmpp_federation_route);
    }
}

void apply_sip_domains(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsSipDomain", {"Name", "Identity"});
    for (const ExportRecord& record : file.records) {
        std::optional<std::string> name = name_of(record, "Name");
        if (!name) name = name_of(record, "Identity");
        if (!name) throw InputError(record.where, "SIP domain without Name");
        const std::optional<bool> is_default = boolean_of(record, "IsDefault");
        auto it = std::find_if(model.sip_domains.begin(), model.sip_domains.end(),
                               [&](const SipDomain& d) { return same(d.name, *name); });
        if (it == model.sip_domains.end()) {
            SipDomain domain;
            domain.name = *name;
            domain.where = record.where;
            model.sip_domains.push_back(domain);
            it = model.sip_domains.end() - 1;
        }
        if (is_default && *is_default) {
            for (SipDomain& d : model.sip_domains) d.is_default = false;
        }
        if (is_default) it->is_default = *is_default;
    }
}

void apply_media(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsMediaConfiguration", {"EncryptionLevel"});
    const ExportRecord* record = global_record(file, "Get-CsMediaConfiguration");
    if (!record) return;
    // MEDIAENC: Set-CsMediaConfiguration -EncryptionLevel (not case sensitive).
    if (auto level = choice_of<EncryptionLevel>(
            *record, "EncryptionLevel",
            {{"RequireEncryption", EncryptionLevel::require},
             {"SupportEncryption", EncryptionLevel::support},
             {"DoNotSupportEncryption", EncryptionLevel::do_not_support}})) {
        model.media_encryption = level;
    }
}

void apply_edge_services(const ExportFile& file, Model& model) {
    require_property(file, "Get-CsService -EdgeServer", {"Identity", "PoolFqdn"});
    for (const ExportRecord& record : file.records) {
        const std::optional<std::string> name = first_text(record, {"PoolFqdn", "Identity"});
        if (!name) throw InputError(record.where, "Edge service without Identity or PoolFqdn");
        const EdgePool* found = edge_pool_named(model, *name);
        if (!found) {
            throw InputError(record.where, "Edge service '" + *name +
                                               "' is no Edge pool of the topology (known: " +
                                               known_pools(model) + ")");
        }
        EdgePorts& ports = model.edge_pools[std::size_t(found - model.edge_pools.data())].ports;
        // Set-CsEdgeServer parameter names, which Get-CsService -EdgeServer shows.
        const std::pair<const char*, int*> kPorts[] = {
            {"AccessEdgeClientSipPort", &ports.access_client},
            {"AccessEdgeExternalSipPort", &ports.access_federation},
            {"DataPsomClientPort", &ports.webconf},
            {"MediaRelayExternalTurnTcpPort", &ports.av_tcp},
            {"MediaRelayExternalTurnUdpPort", &ports.av_udp},
            {"MediaCommunicationPortStart", &ports.media_start},
            {"MediaCommunicationPortCount", &ports.media_count},
            {"XmppListeningPort", &ports.xmpp},
            {"AccessEdgeInternalSipPort", &ports.internal_sip},
            {"DataPsomServerPort", &ports.internal_psom},
            {"MediaRelayAuthEdgePort", &ports.internal_mras},
            {"MediaRelayInternalTurnTcpPort", &ports.internal_turn_tcp},
            {"MediaRelayInternalTurnUdpPort", &ports.internal_turn_udp},
            {"XmppInternalPort", &ports.internal_xmpp},
        };
        for (const auto& [property, field] : kPorts) {
            if (auto port = port_of(record, property)) *field = *port;
        }
        // PORT-AV-02 cites the Edge service record that states the media range.
        if (present(record, "MediaCommunicationPortStart") ||
            present(record, "MediaCommunicationPortCount")) {
            ports.media_range_where = record.where;
        }
        if (ports.media_start + ports.media_count - 1 > 65535) {
            const ExportValue* at = present(record, "MediaCommunicationPortCount");
            if (!at) at = present(record, "MediaCommunicationPortStart");
            throw InputError(at ? at->where : record.where,
                             "media port range " + std::to_string(ports.media_start) + "+" +
                                 std::to_string(ports.media_count) + " goes past 65535");
        }
    }
}

void apply_push(const ExportFile& file, Model& model) {
    require_property(
        file, "Get-CsPushNotificationConfiguration",
        {"EnableApplePushNotificationService", "EnableMicrosoftPushNotificationService"});
    const ExportRecord* record = global_record(file, "Get-CsPushNotificationConfiguration");
    if (!record) return;
    const std::optional<bool> apple = boolean_of(*record, "EnableApplePushNotificationService");
    const std::optional<bool> microsoft =
        boolean_of(*record, "EnableMicrosoftPushNotificationService");
    if (!apple && !microsoft) return;
    // PUSH: the clearing house is used only while a push service is enabled, so this states
    // for every SIP domain whether mobile clients push through it.
    const bool push = apple.value_or(false) || microsoft.value_or(false);
    for (SipDomain& domain : model.sip_domains) domain.mobile_push = push;
}

}  // namespace

void apply_export(Cmdlet cmdlet, const ExportFile& file, Model& model) {
    switch (cmdlet) {
        case Cmdlet::access_edge:
            return apply_access_edge(file, model);
        case Cmdlet::allowed_domain:
            return apply_allowed(file, model);
        case Cmdlet::blocked_domain:
            return apply_blocked(file, model);
        case Cmdlet::hosting_provider:
            return apply_hosting(file, model);
        case Cmdlet::public_provider:
            return apply_public(file, model);
        case Cmdlet::external_access_policy:
            return apply_policies(file, model);
        case Cmdlet::xmpp_partner:
            return apply_xmpp_partners(file, model);
        case Cmdlet::site:
            return apply_sites(file, model);
        case Cmdlet::sip_domain:
            return apply_sip_domains(file, model);
        case Cmdlet::media:
            return apply_media(file, model);
        case Cmdlet::edge_service:
            return apply_edge_services(file, model);
        case Cmdlet::push:
            return apply_push(file, model);
        case Cmdlet::xmpp_gateway:
            // Timeouts and limits of the XMPP gateway: no rule of the catalogue reads them.
            // (DialbackPassphrase, a secret, is never read; the collector leaves it out.)
            return;
        case Cmdlet::certificate:
            return apply_certificates({&file}, model);
        case Cmdlet::certificate_store:
            return apply_certificate_store({&file}, model);
    }
}

}  // namespace edgeplan::topology::powershell
