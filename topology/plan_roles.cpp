// The catalogue IDs that label the plan's typed roles in reports (docs/checks/<ID>.md). This
// file is the one place a plan role meets its ID: code branches on the role, never on the ID.
#include "topology/plan.h"

namespace edgeplan::topology {

const char* catalogue_id(FirewallRole role) {
    switch (role) {
        case FirewallRole::xmpp_partners_inbound:
            return "PORT-EXT-01";
        case FirewallRole::xmpp_partners_outbound:
            return "PORT-EXT-02";
        case FirewallRole::crl_outbound:
            return "PORT-EXT-03";
        case FirewallRole::dns_outbound:
            return "PORT-EXT-04";
        case FirewallRole::access_client:
            return "PORT-EXT-05";
        case FirewallRole::access_federation_inbound:
            return "PORT-EXT-06";
        case FirewallRole::access_federation_outbound:
            return "PORT-EXT-07";
        case FirewallRole::webconf:
            return "PORT-EXT-08";
        case FirewallRole::av_media_federation:
            return "PORT-EXT-09";
        case FirewallRole::av_media_ocs2007:
            return "PORT-EXT-10";
        case FirewallRole::av_stun_outbound:
            return "PORT-EXT-11";
        case FirewallRole::av_turn_udp:
            return "PORT-EXT-12";
        case FirewallRole::av_turn_tcp:
            return "PORT-EXT-13";
        case FirewallRole::av_turn_tcp_outbound:
            return "PORT-EXT-14";
        case FirewallRole::internal_xmpp_gateway:
            return "PORT-INT-01";
        case FirewallRole::internal_sip_inbound:
            return "PORT-INT-02";
        case FirewallRole::internal_sip_outbound:
            return "PORT-INT-03";
        case FirewallRole::internal_psom:
            return "PORT-INT-04";
        case FirewallRole::internal_mras:
            return "PORT-INT-05";
        case FirewallRole::internal_turn_udp:
            return "PORT-INT-06";
        case FirewallRole::internal_turn_tcp:
            return "PORT-INT-07";
        case FirewallRole::internal_replication:
            return "PORT-INT-08";
        case FirewallRole::internal_logging:
            return "PORT-INT-09";
    }
    return "";
}

const char* catalogue_id(DnsRole role) {
    switch (role) {
        case DnsRole::access_edge:
            return "DNS-A-EXT-01";
        case DnsRole::webconf_edge:
            return "DNS-A-EXT-02";
        case DnsRole::av_edge:
            return "DNS-A-EXT-03";
        case DnsRole::nat_public:
            return "DNS-A-EXT-04";
        case DnsRole::edge_internal:
            return "DNS-INT-01";
        case DnsRole::dns_lb_pool:
            return "DNS-LB-02";
        case DnsRole::hlb_vip:
            return "DNS-LB-03";
        case DnsRole::client_srv:
            return "DNS-SRV-CLI-01";
        case DnsRole::federation_srv:
            return "DNS-SRV-FED-01";
        case DnsRole::push_srv:
            return "DNS-SRV-FED-02";
        case DnsRole::xmpp_srv:
            return "DNS-SRV-XMPP-01";
        case DnsRole::xmpp_proxy:
            return "DNS-A-XMPP-02";
    }
    return "";
}

const char* catalogue_id(CertificateRule rule) {
    switch (rule) {
        case CertificateRule::cross_names:
            return "CERT-CROSS-01";
        case CertificateRule::public_ca:
            return "CERT-EXT-01";
        case CertificateRule::external_subject:
            return "CERT-EXT-02";
        case CertificateRule::access_fqdn_san:
            return "CERT-EXT-03";
        case CertificateRule::webconf_fqdn_san:
            return "CERT-EXT-04";
        case CertificateRule::sip_domains_san:
            return "CERT-EXT-05";
        case CertificateRule::no_external_wildcard:
            return "CERT-EXT-08";
        case CertificateRule::external_server_eku:
            return "CERT-EXT-09";
        case CertificateRule::aol_client_eku:
            return "CERT-EXT-10";
        case CertificateRule::exportable_external_key:
            return "CERT-EXT-12";
        case CertificateRule::same_external_certificate:
            return "CERT-EXT-13";
        case CertificateRule::external_usages:
            return "CERT-EXT-14";
        case CertificateRule::separate_av_certificate:
            return "CERT-EXT-15";
        case CertificateRule::validity:
            return "CERT-EXT-16";
        case CertificateRule::key_strength:
            return "CERT-EXT-20";
        case CertificateRule::signature_hash:
            return "CERT-EXT-21";
        case CertificateRule::legacy_tls:
            return "CERT-EXT-22";
        case CertificateRule::internal_trusted_ca:
            return "CERT-INT-01";
        case CertificateRule::internal_subject:
            return "CERT-INT-02";
        case CertificateRule::internal_wildcard:
            return "CERT-INT-03";
        case CertificateRule::internal_server_eku:
            return "CERT-INT-04";
        case CertificateRule::same_internal_certificate:
            return "CERT-INT-05";
        case CertificateRule::xmpp_domains_san:
            return "CERT-XMPP-01";
        case CertificateRule::xmpp_san_forms:
            return "CERT-XMPP-03";
    }
    return "";
}

}  // namespace edgeplan::topology
