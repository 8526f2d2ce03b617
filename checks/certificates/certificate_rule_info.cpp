#include "checks/certificates/certificate_rule_info.h"

#include <algorithm>
#include <stdexcept>

#include "checks/citations.h"

namespace edgeplan::checks::certificates {
namespace {

const std::vector<std::string> kAll{"S1", "S2", "S3", "S4", "S5"};
const std::vector<std::string> kPools{"S3", "S4", "S5"};

// Rows without a catalogue entry cite their own source (STYLE.md).
const Citation kNist{"NIST SP 800-57", "NIST SP 800-57 Part 1 Rev. 5, section 5.6 (key sizes)"};
const Citation kBrKeys{"CABF-BR 6.1.5", "CA/Browser Forum Baseline Requirements 6.1.5 (key sizes)"};
const Citation kBrHash{"CABF-BR 7.1.3.2",
                       "CA/Browser Forum Baseline Requirements 7.1.3.2 (signature algorithms)"};
const Citation kRfc8996{"RFC 8996", "RFC 8996: Deprecating TLS 1.0 and TLS 1.1"};

using R = topology::CertificateRule;

struct Row {
    R rule;
    CheckInfo info;  // kind offline; the ID is the rule's label (topology::catalogue_id)
};

std::vector<Row> rows() {
    const auto row = [](R rule, const char* title, Severity severity,
                        std::vector<std::string> scenarios, std::vector<Citation> citations,
                        const char* fix) {
        return Row{
            rule, CheckInfo{topology::catalogue_id(rule), title, "certificates", CheckKind::offline,
                            severity, std::move(scenarios), std::move(citations), fix}};
    };
    return {
        row(R::cross_names,
            "Every external FQDN of the pool has a DNS record and is on the certificate the "
            "endpoint presents",
            Severity::must, kAll,
            {cite("CS-S1"), cite("CS-S2"), cite("CS-S3"), cite("CS-S4"), cite("CS-S5")},
            "Publish the missing A record or put the FQDN on the certificate, then reassign it"),
        row(R::public_ca, "The external Edge certificate chains to a trusted public CA",
            Severity::must, kAll, {cite("CR-EXT"), cite("CS-S1"), cite("REQ-CERT")},
            "Use a certificate from a public CA and install its intermediates on the Edge"),
        row(R::external_subject,
            "The external Edge certificate subject name is the Access Edge external FQDN (the VIP "
            "FQDN with hardware load balancing), never a wildcard",
            Severity::must, kAll, {cite("CR-EXT"), cite("WILDCARD")},
            "Request the external certificate with the Access Edge external FQDN as subject name"),
        row(R::access_fqdn_san,
            "The external certificate SAN list contains the Access Edge external FQDN, and "
            "repeats the subject name",
            Severity::must, kAll, {cite("CR-EXT"), cite("CS-S1")},
            "Add the Access Edge FQDN (and the subject name) to the certificate SAN list"),
        row(R::webconf_fqdn_san,
            "The external certificate SAN list contains the Web Conferencing Edge external FQDN",
            Severity::must, kAll, {cite("CR-EXT"), cite("SETUP-EXTCERT"), cite("CS-S1")},
            "Add the Web Conferencing Edge FQDN to the certificate SAN list"),
        row(R::sip_domains_san,
            "The external certificate SAN list contains sip.<domain> for every SIP domain when "
            "auto-configuration or federation is used",
            Severity::must, {"S1", "S2", "S3", "S4", "S5", "AUTO", "FED"},
            {cite("CR-EXT"), cite("SETUP-EXTCERT"), cite("CS-S1")},
            "Add sip.<domain> for every SIP domain to the external certificate SAN list"),
        row(R::no_external_wildcard,
            "The external Edge certificate uses no wildcard: never in the subject name, and not "
            "in the SAN list",
            Severity::should, kAll, {cite("PLAN-CERT"), cite("WILDCARD")},
            "Replace wildcard names with explicit SANs for every SIP domain, Web Conferencing, "
            "A/V and XMPP domain"),
        row(R::external_server_eku,
            "The external Edge certificate has the Server Authentication EKU", Severity::must, kAll,
            {cite("CR-EXT"), cite("CS-S1")},
            "Request the external certificate from a template with Server Authentication "
            "(1.3.6.1.5.5.7.3.1)"),
        row(R::aol_client_eku,
            "With public IM to AOL, the external Edge certificate also has the Client "
            "Authentication EKU",
            Severity::must, {"PIC-AOL"}, {cite("CS-FED"), cite("CS-PIC"), cite("PLAN-PIC")},
            "Request-CsCertificate -New -Type AccessEdgeExternal -ClientEku $true -Template "
            "<template with client EKU>"),
        row(R::exportable_external_key,
            "The external Edge certificate private key is exportable (mandatory for a pool, "
            "recommended for a single Edge)",
            Severity::must, kAll,
            {cite("CR-EXT"), cite("PLAN-CERT"), cite("REQ-CERT"), cite("CS-S3")},
            "Request the external certificate with an exportable private key "
            "(Request-CsCertificate "
            "... -AllowKeyExport $true)"),
        row(R::same_external_certificate,
            "Every Edge Server of a pool uses the same external certificate and private key",
            Severity::must, kPools,
            {cite("CR-EXT"), cite("PLAN-CERT"), cite("SETUP-EXTCERT"), cite("CS-S3")},
            "Export the external certificate with its private key and import the same "
            "certificate on every pool member"),
        row(R::external_usages,
            "The external certificate is assigned to all three external usages: Access Edge "
            "External, Web Conferencing Edge External and A/V Edge External (A/V "
            "Authentication)",
            Severity::must, kAll,
            {cite("PLAN-CERT"), cite("SETUP-EXTCERT"), cite("CS-S1"), cite("CS-S3")},
            "Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal,"
            "AudioVideoAuthentication -Thumbprint <thumbprint> on every Edge Server"),
        row(R::separate_av_certificate,
            "A separate A/V Authentication certificate, if used, is the same on every Edge "
            "Server of the pool and has an exportable key",
            Severity::should, kAll, {cite("PLAN-CERT"), cite("CR-EXT"), cite("CHANGES")},
            "Assign one A/V Authentication certificate (exportable key) on every Edge Server, "
            "or the external certificate itself"),
        row(R::validity,
            "The Edge certificate is valid at the run's date and does not expire within the "
            "warning period",
            Severity::should, kAll, {cite("CHANGES"), cite("CR-EXT")},
            "Renew the certificate before it expires and assign the new one on every member"),
        row(R::key_strength,
            "The Edge certificate key is RSA of at least 2048 bits or EC of at least 256 bits",
            Severity::must, kAll, {kNist, kBrKeys},
            "Request a new certificate with an RSA 2048-bit (or larger) or P-256 key"),
        row(R::signature_hash,
            "The Edge certificate and its intermediates are not signed with SHA-1 or MD5",
            Severity::must, kAll, {kBrHash},
            "Have the certificate (and intermediates) reissued with a SHA-256 signature"),
        row(R::legacy_tls, "The Edge TLS endpoints do not accept TLS 1.0 or TLS 1.1",
            Severity::should, kAll, {kRfc8996},
            "Disable TLS 1.0 and 1.1 on the Edge Servers (Schannel protocol settings)"),
        row(R::internal_trusted_ca,
            "The internal Edge certificate chains to a CA the internal servers trust",
            Severity::must, kAll,
            {cite("CR-EXT"), cite("SETUP-INTCERT"), cite("REQ-CERT"), cite("CS-S1")},
            "Issue the internal certificate from the enterprise CA the Front End servers trust"),
        row(R::internal_subject,
            "The internal Edge certificate subject name is the Edge internal pool FQDN (or the "
            "internal VIP FQDN)",
            Severity::must, kAll, {cite("CR-EXT"), cite("CS-S1")},
            "Request the internal certificate with the Edge pool internal FQDN as subject name"),
        row(R::internal_wildcard,
            "The internal Edge certificate subject name is not a wildcard (a wildcard SAN is "
            "allowed; no SAN is required)",
            Severity::info, kAll, {cite("CR-EXT"), cite("WILDCARD")},
            "Use the internal pool FQDN as subject name; a SAN list is optional"),
        row(R::internal_server_eku,
            "The internal Edge certificate has the Server Authentication EKU", Severity::must, kAll,
            {cite("CS-S1"), cite("CS-S3")},
            "Request the internal certificate from a template with Server Authentication"),
        row(R::same_internal_certificate,
            "Every Edge Server of a pool presents the same internal certificate", Severity::must,
            kPools, {cite("PLAN-CERT"), cite("SETUP-INTCERT")},
            "Export the internal certificate with its private key and assign it on every member"),
        row(R::xmpp_domains_san,
            "With XMPP federation, the Access Edge certificate has a SAN for each XMPP domain (or "
            "its root domain)",
            Severity::must, {"XMPP"}, {cite("CS-FED"), cite("CS-XMPP")},
            "Add each XMPP domain (e.g. contoso.com) to the external certificate SAN list"),
        row(R::xmpp_san_forms,
            "With XMPP federation, the Access Edge certificate lists xmpp.<domain> and no "
            "wildcard for XMPP",
            Severity::should, {"XMPP"}, {cite("CS-S1"), cite("CS-XMPP"), cite("PLAN-CERT")},
            "Add xmpp.<domain> to the SAN list and replace *.<domain> with explicit names"),
    };
}

}  // namespace

CheckInfo certificate_rule_info(topology::CertificateRule rule, CheckKind kind) {
    for (Row row : rows()) {
        if (row.rule == rule) {
            row.info.kind = kind;
            return row.info;
        }
    }
    throw std::invalid_argument(std::string("no certificate rule row for ") +
                                topology::catalogue_id(rule));
}

}  // namespace edgeplan::checks::certificates
