#include "checks/registry.h"

#include <algorithm>

#include "checks/certificates/access_fqdn_in_san.h"
#include "checks/certificates/aol_client_eku.h"
#include "checks/certificates/certificate_file_check.h"
#include "checks/certificates/certificate_names_match_dns.h"
#include "checks/certificates/client_eku_sunset.h"
#include "checks/certificates/exportable_external_key.h"
#include "checks/certificates/external_server_eku.h"
#include "checks/certificates/external_subject.h"
#include "checks/certificates/external_usages.h"
#include "checks/certificates/internal_server_eku.h"
#include "checks/certificates/internal_subject.h"
#include "checks/certificates/internal_wildcard.h"
#include "checks/certificates/no_external_wildcard.h"
#include "checks/certificates/same_external_certificate.h"
#include "checks/certificates/separate_av_certificate.h"
#include "checks/certificates/sip_domains_in_san.h"
#include "checks/certificates/webconf_fqdn_in_san.h"
#include "checks/certificates/xmpp_domains_in_san.h"
#include "checks/certificates/xmpp_san_forms.h"
#include "checks/certificates_live/certificate_rule_live.h"
#include "checks/certificates_live/cross_names_live.h"
#include "checks/certificates_live/federation_tls12_live.h"
#include "checks/certificates_live/legacy_tls_live.h"
#include "checks/certificates_live/same_certificate_live.h"
#include "checks/certificates_live/sip_options_live.h"
#include "checks/certificates_live/xmpp_starttls_live.h"
#include "checks/dns/fqdn_characters.h"
#include "checks/dns/srv_target_same_domain.h"
#include "checks/dns_live/dns_table.h"
#include "checks/dns_live/next_hop_resolves_live.h"
#include "checks/dns_live/partner_srv_health.h"
#include "checks/dns_live/srv_target_domain_live.h"
#include "checks/dns_live/xmpp_srv_priorities_live.h"
#include "checks/federation/allowed_domain_entries.h"
#include "checks/federation/discovered_partner_limits.h"
#include "checks/federation/discovery_needs_srv_routing.h"
#include "checks/federation/federation_enabled.h"
#include "checks/federation/federation_policy.h"
#include "checks/federation/ocs_partners_dns_lb.h"
#include "checks/federation/single_federation_route.h"
#include "checks/federation/unique_hosting_provider.h"
#include "checks/gate/waiver_expiry.h"
#include "checks/load_balancing/av_real_address.h"
#include "checks/load_balancing/hlb_av_routable.h"
#include "checks/load_balancing/no_nat_with_hlb.h"
#include "checks/load_balancing/pool_size.h"
#include "checks/load_balancing/public_ip_count.h"
#include "checks/load_balancing/same_lb_type.h"
#include "checks/nat/nat_external_only.h"
#include "checks/nat/nat_public_av_ip.h"
#include "checks/network/ipv6_dual_stack.h"
#include "checks/network/media_port_range.h"
#include "checks/network/published_addresses_public.h"
#include "checks/network/shared_ip_distinct_ports.h"
#include "checks/network/single_ip_addresses.h"
#include "checks/network/three_external_ips.h"
#include "checks/partners/partner_rules.h"
#include "checks/pic/ended_providers.h"
#include "checks/pic/pic_dns_lb_failover.h"
#include "checks/pic/public_im_policy.h"
#include "checks/pic/public_provider_entry.h"
#include "checks/pic/skype_consumer_retired.h"
#include "checks/pic/windows_live_av.h"
#include "checks/ports_live/port_table.h"
#include "checks/push/push_hosting_provider.h"
#include "checks/push/push_outbound_sip.h"
#include "checks/topology/distinct_external_fqdns.h"
#include "checks/topology/edge_fqdn_identity.h"
#include "checks/topology/edge_next_hop.h"
#include "checks/topology/edge_pool_present.h"
#include "checks/topology/edge_sizing.h"
#include "checks/topology/plan_unknowns.h"
#include "checks/topology/pool_edge_association.h"
#include "checks/topology/product_lifecycle.h"
#include "checks/topology/unique_edge_fqdns.h"
#include "checks/xmpp/dialback_with_tls_sasl.h"
#include "checks/xmpp/google_talk_settings.h"
#include "checks/xmpp/no_xmpp_on_branch.h"
#include "checks/xmpp/sasl_needs_tls.h"
#include "checks/xmpp/single_xmpp_route.h"
#include "checks/xmpp/supported_xmpp_partner.h"
#include "checks/xmpp/xmpp_dns_lb_failover.h"
#include "checks/xmpp/xmpp_negotiation_combination.h"
#include "checks/xmpp/xmpp_partner_entry.h"
#include "checks/xmpp/xmpp_policy.h"

namespace edgeplan::checks {

// Every bespoke check, one line each, sorted by check ID, then the table-driven families
// (tests/checks/catalogue_test.cpp keeps the result sorted).
// A rule verified both offline and on the network has two entries with the same ID and
// different kinds (offline first); their findings use distinct subjects (STYLE.md).
std::vector<std::unique_ptr<Check>> make_all_checks() {
    std::vector<std::unique_ptr<Check>> checks;
    namespace certs = certificates;
    namespace live = certificates_live;
    using R = topology::CertificateRule;
    const auto files = [](R rule, std::unique_ptr<Check> c) {
        return certs::with_certificate_files(rule, std::move(c));
    };
    const auto file_rule = [](R rule) { return certs::make_certificate_file_check(rule); };
    const auto live_rule = [](R rule) { return live::make_certificate_rule_live_check(rule); };
    const auto external = topology::CertificateUse::external;
    const auto internal = topology::CertificateUse::internal;
    // Certificates: planned (offline) checks also judge certificate files (files()); the
    // rules only a file or a live chain can answer have a file entry; live entries read TLS.
    checks.push_back(live::make_cross_names_live_check());  // CERT-CROSS-01
    checks.push_back(file_rule(R::public_ca));              // CERT-EXT-01
    checks.push_back(live_rule(R::public_ca));              // CERT-EXT-01
    checks.push_back(
        files(R::external_subject, std::make_unique<ExternalSubjectCheck>()));  // CERT-EXT-02
    checks.push_back(live_rule(R::external_subject));                           // CERT-EXT-02
    checks.push_back(
        files(R::access_fqdn_san, std::make_unique<AccessFqdnInSanCheck>()));  // CERT-EXT-03
    checks.push_back(live_rule(R::access_fqdn_san));                           // CERT-EXT-03
    checks.push_back(
        files(R::webconf_fqdn_san, std::make_unique<WebconfFqdnInSanCheck>()));  // CERT-EXT-04
    checks.push_back(live_rule(R::webconf_fqdn_san));                            // CERT-EXT-04
    checks.push_back(
        files(R::sip_domains_san, std::make_unique<SipDomainsInSanCheck>()));  // CERT-EXT-05
    checks.push_back(live_rule(R::sip_domains_san));                           // CERT-EXT-05
    checks.push_back(files(R::no_external_wildcard,
                           std::make_unique<NoExternalWildcardCheck>()));  // CERT-EXT-08
    checks.push_back(live_rule(R::no_external_wildcard));                  // CERT-EXT-08
    checks.push_back(
        files(R::external_server_eku, std::make_unique<ExternalServerEkuCheck>()));  // CERT-EXT-09
    checks.push_back(live_rule(R::external_server_eku));                             // CERT-EXT-09
    checks.push_back(
        files(R::aol_client_eku, std::make_unique<AolClientEkuCheck>()));  // CERT-EXT-10
    checks.push_back(live_rule(R::aol_client_eku));                        // CERT-EXT-10
    checks.push_back(std::make_unique<ExportableExternalKeyCheck>());      // CERT-EXT-12
    checks.push_back(std::make_unique<SameExternalCertificateCheck>());    // CERT-EXT-13
    checks.push_back(live::make_same_certificate_live_check(external));    // CERT-EXT-13
    checks.push_back(std::make_unique<ExternalUsagesCheck>());             // CERT-EXT-14
    checks.push_back(std::make_unique<SeparateAvCertificateCheck>());      // CERT-EXT-15
    checks.push_back(file_rule(R::validity));                              // CERT-EXT-16
    checks.push_back(live_rule(R::validity));                              // CERT-EXT-16
    checks.push_back(std::make_unique<CertificateNamesMatchDnsCheck>());   // CERT-EXT-18
    checks.push_back(std::make_unique<ClientEkuSunsetCheck>());            // CERT-EXT-19
    checks.push_back(file_rule(R::key_strength));                          // CERT-EXT-20
    checks.push_back(live_rule(R::key_strength));                          // CERT-EXT-20
    checks.push_back(file_rule(R::signature_hash));                        // CERT-EXT-21
    checks.push_back(live_rule(R::signature_hash));                        // CERT-EXT-21
    checks.push_back(live::make_legacy_tls_live_check());                  // CERT-EXT-22
    checks.push_back(file_rule(R::internal_trusted_ca));                   // CERT-INT-01
    checks.push_back(live_rule(R::internal_trusted_ca));                   // CERT-INT-01
    checks.push_back(
        files(R::internal_subject, std::make_unique<InternalSubjectCheck>()));  // CERT-INT-02
    checks.push_back(live_rule(R::internal_subject));                           // CERT-INT-02
    checks.push_back(
        files(R::internal_wildcard, std::make_unique<InternalWildcardCheck>()));  // CERT-INT-03
    checks.push_back(live_rule(R::internal_wildcard));                            // CERT-INT-03
    checks.push_back(
        files(R::internal_server_eku, std::make_unique<InternalServerEkuCheck>()));  // CERT-INT-04
    checks.push_back(live_rule(R::internal_server_eku));                             // CERT-INT-04
    checks.push_back(live::make_same_certificate_live_check(internal));              // CERT-INT-05
    checks.push_back(
        files(R::xmpp_domains_san, std::make_unique<XmppDomainsInSanCheck>()));  // CERT-XMPP-01
    checks.push_back(live_rule(R::xmpp_domains_san));                            // CERT-XMPP-01
    checks.push_back(
        files(R::xmpp_san_forms, std::make_unique<XmppSanFormsCheck>()));   // CERT-XMPP-03
    checks.push_back(live_rule(R::xmpp_san_forms));                         // CERT-XMPP-03
    checks.push_back(dns_live::make_next_hop_resolves_live_check());        // DNS-INT-02
    checks.push_back(std::make_unique<FqdnCharactersCheck>());              // DNS-NAME-01
    checks.push_back(dns_live::make_partner_srv_health_check());            // DNS-SRV-FED-05
    checks.push_back(std::make_unique<SrvTargetSameDomainCheck>());         // DNS-SRV-GEN-01
    checks.push_back(dns_live::make_srv_target_domain_live_check());        // DNS-SRV-GEN-01
    checks.push_back(dns_live::make_xmpp_srv_priorities_live_check());      // DNS-SRV-XMPP-03
    checks.push_back(std::make_unique<SingleFederationRouteCheck>());       // FED-01
    checks.push_back(std::make_unique<FederationEnabledCheck>());           // FED-02
    checks.push_back(std::make_unique<FederationPolicyCheck>());            // FED-03
    checks.push_back(std::make_unique<DiscoveryNeedsSrvRoutingCheck>());    // FED-04
    checks.push_back(std::make_unique<DiscoveredPartnerLimitsCheck>());     // FED-05
    checks.push_back(std::make_unique<AllowedDomainEntriesCheck>());        // FED-07
    checks.push_back(std::make_unique<UniqueHostingProviderCheck>());       // FED-08
    checks.push_back(std::make_unique<OcsPartnersDnsLbCheck>());            // FED-09
    checks.push_back(live::make_federation_tls12_live_check());             // FED-13
    checks.push_back(std::make_unique<SameLbTypeCheck>());                  // LB-01
    checks.push_back(std::make_unique<NoNatWithHlbCheck>());                // LB-02
    checks.push_back(std::make_unique<PoolSizeCheck>());                    // LB-06
    checks.push_back(std::make_unique<AvRealAddressCheck>());               // LB-09
    checks.push_back(std::make_unique<HlbAvRoutableCheck>());               // LB-10
    checks.push_back(std::make_unique<PublicIpCountCheck>());               // LB-12
    checks.push_back(std::make_unique<NatExternalOnlyCheck>());             // NAT-01
    checks.push_back(std::make_unique<NatPublicAvIpCheck>());               // NAT-05
    checks.push_back(std::make_unique<ThreeExternalIpsCheck>());            // NET-04
    checks.push_back(std::make_unique<Ipv6DualStackCheck>());               // NET-07
    checks.push_back(std::make_unique<PublishedAddressesPublicCheck>());    // NET-10
    checks.push_back(std::make_unique<SingleIpAddressesCheck>());           // NET-11
    checks.push_back(std::make_unique<PublicProviderEntryCheck>());         // PIC-01
    checks.push_back(std::make_unique<PublicImPolicyCheck>());              // PIC-02
    checks.push_back(std::make_unique<WindowsLiveAvCheck>());               // PIC-04
    checks.push_back(std::make_unique<PicDnsLbFailoverCheck>());            // PIC-07
    checks.push_back(std::make_unique<EndedProvidersCheck>());              // PIC-08
    checks.push_back(std::make_unique<MediaPortRangeCheck>());              // PORT-AV-02
    checks.push_back(std::make_unique<SkypeConsumerRetiredCheck>());        // PIC-09
    checks.push_back(live::make_sip_options_live_check());                  // PORT-EXT-15
    checks.push_back(std::make_unique<SharedIpDistinctPortsCheck>());       // PORT-SINGLEIP-01
    checks.push_back(std::make_unique<PushHostingProviderCheck>());         // PUSH-02
    checks.push_back(std::make_unique<PushOutboundSipCheck>());             // PUSH-04
    checks.push_back(std::make_unique<EdgeNextHopCheck>());                 // TOPO-01
    checks.push_back(std::make_unique<PoolEdgeAssociationCheck>());         // TOPO-02
    checks.push_back(std::make_unique<EdgeFqdnIdentityCheck>());            // TOPO-03
    checks.push_back(std::make_unique<DistinctExternalFqdnsCheck>());       // TOPO-04
    checks.push_back(std::make_unique<UniqueEdgeFqdnsCheck>());             // TOPO-05
    checks.push_back(std::make_unique<EdgeSizingCheck>());                  // TOPO-09
    checks.push_back(std::make_unique<EdgePoolPresentCheck>());             // TOPO-12
    checks.push_back(std::make_unique<PlanUnknownsCheck>());                // TOPO-13
    checks.push_back(std::make_unique<ProductLifecycleCheck>());            // TOPO-14
    checks.push_back(std::make_unique<WaiverExpiryCheck>());                // WAIVER-01
    checks.push_back(std::make_unique<SupportedXmppPartnerCheck>());        // XMPP-01
    checks.push_back(std::make_unique<NoXmppOnBranchCheck>());              // XMPP-02
    checks.push_back(std::make_unique<SingleXmppRouteCheck>());             // XMPP-04
    checks.push_back(std::make_unique<XmppPolicyCheck>());                  // XMPP-06
    checks.push_back(std::make_unique<XmppPartnerEntryCheck>());            // XMPP-07
    checks.push_back(std::make_unique<XmppNegotiationCombinationCheck>());  // XMPP-08
    checks.push_back(std::make_unique<SaslNeedsTlsCheck>());                // XMPP-09
    checks.push_back(std::make_unique<DialbackWithTlsSaslCheck>());         // XMPP-10
    checks.push_back(std::make_unique<GoogleTalkSettingsCheck>());          // XMPP-11
    checks.push_back(std::make_unique<XmppDnsLbFailoverCheck>());           // XMPP-13
    checks.push_back(live::make_xmpp_starttls_live_check());                // XMPP-17
    // The checks that are rows of a table, merged into ID order; the sort is stable, so an
    // offline entry listed above stays ahead of a live entry of the same ID.
    for (auto& check : dns_live::make_dns_record_checks()) checks.push_back(std::move(check));
    for (auto& check : ports_live::make_port_checks()) checks.push_back(std::move(check));
    std::stable_sort(checks.begin(), checks.end(),
                     [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
    return checks;
}

std::vector<CheckInfo> catalogue_infos() {
    std::vector<CheckInfo> infos;
    for (const auto& check : make_all_checks()) infos.push_back(check->info());
    for (const CheckInfo& info : partners::partner_rule_catalogue()) infos.push_back(info);
    std::stable_sort(infos.begin(), infos.end(),
                     [](const CheckInfo& a, const CheckInfo& b) { return a.id < b.id; });
    return infos;
}

}  // namespace edgeplan::checks
