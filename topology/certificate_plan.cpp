// Certificate part of the plan: one external and one internal request per Edge pool
// (catalogue section 1, tables T1-A..T1-D, ambiguities A-1..A-6).
#include <algorithm>
#include <cctype>

#include "topology/plan_derivation.h"
#include "topology/strings.h"

namespace edgeplan::topology::plan_detail {
namespace {

using strings::lower;

void require(CertificateRequest& c, std::initializer_list<CertificateRule> rules) {
    for (CertificateRule rule : rules) {
        c.requirements.push_back(rule);
        c.rules.emplace_back(catalogue_id(rule));
    }
}

void external_certificate(const Model& model, const EdgePool& pool, Plan& plan) {
    // CERT-EXT-02: subject = Access Edge FQDN (the access VIP FQDN on an HLB pool, which the
    // model keeps as the Access Edge FQDN).
    const std::string subject = lower(pool.access.fqdn);
    if (subject.empty()) {
        plan.unknowns.push_back({"Access Edge external FQDN of Edge pool " + pool.id +
                                     " (external certificate subject)",
                                 catalogue_id(CertificateRule::external_subject),
                                 pool_subject(pool), pool.access.where});
        return;
    }
    CertificateRequest c;
    c.pool_id = pool.id;
    c.use = CertificateUse::external;
    c.subject = subject;
    using R = CertificateRule;
    require(c, {R::public_ca, R::external_subject, R::access_fqdn_san, R::external_server_eku,
                R::exportable_external_key, R::external_usages});
    UniqueList sans;    // one SAN per SIP domain: a set keeps thousands of domains linear
    sans.add(subject);  // CERT-EXT-03: the subject is repeated in the SAN
    const std::string webconf = lower(pool.webconf.fqdn);
    if (webconf.empty()) {
        plan.unknowns.push_back({"Web Conferencing Edge external FQDN of Edge pool " + pool.id +
                                     " (external certificate SAN)",
                                 catalogue_id(CertificateRule::webconf_fqdn_san),
                                 pool_subject(pool), pool.webconf.where});
    } else {
        sans.add(webconf);
        require(c, {R::webconf_fqdn_san});
    }
    // CERT-EXT-05: sip.<domain> for every SIP domain. A-3 / CERT-EXT-06: no A/V FQDN.
    for (const SipDomain& domain : model.sip_domains) {
        if (!domain.name.empty()) sans.add("sip." + lower(domain.name));
    }
    if (!model.sip_domains.empty()) require(c, {R::sip_domains_san});
    // CERT-XMPP-01 / A-2: the XMPP domain itself on the pool carrying XMPP, and xmpp.<domain>,
    // which CERT-XMPP-03 asks for (CS-S1...S5 XMPP tables): the request carries every name the
    // plan's own checks expect.
    if (pool.xmpp && federation_allowed(model)) {
        for (const XmppDomain& domain : model.xmpp_domains) {
            if (domain.name.empty()) continue;
            sans.add(lower(domain.name));
            sans.add("xmpp." + lower(domain.name));
        }
        if (!model.xmpp_domains.empty()) {
            require(c, {R::xmpp_domains_san, R::xmpp_san_forms});
        }
    }
    c.sans.assign(sans.values().begin(), sans.values().end());
    c.ekus = {ExtendedKeyUsage::server_auth};
    // CERT-EXT-10: AOL needs the client EKU on the Access Edge carrying public IM.
    if (public_provider_enabled(model, PublicProviderKind::aol) &&
        sip_federation_on_pool(model, pool)) {
        c.ekus.push_back(ExtendedKeyUsage::client_auth);
        require(c, {R::aol_client_eku});
    }
    // A-5 / CERT-EXT-12: exportable for every Edge; the checks fail it for pools and only warn
    // for a single Edge.
    c.exportable_key = true;
    if (pool.members.size() > 1) require(c, {R::same_external_certificate});
    c.public_ca = true;
    c.assigned_to = {"Access Edge External", "Web Conferencing Edge External", "A/V Edge External"};
    c.where = pool.where;
    plan.certificates.push_back(std::move(c));
}

void internal_certificate(const EdgePool& pool, Plan& plan) {
    // CERT-INT-02: the internal pool FQDN, or the internal VIP FQDN on an HLB pool.
    std::string subject = lower(pool.internal_fqdn);
    if (pool.load_balancing == LoadBalancing::hardware && pool.vips &&
        !pool.vips->internal_fqdn.empty()) {
        subject = lower(pool.vips->internal_fqdn);
    }
    if (subject.empty()) {
        plan.unknowns.push_back(
            {"internal FQDN of Edge pool " + pool.id + " (internal certificate subject)",
             catalogue_id(CertificateRule::internal_subject), pool_subject(pool), pool.where});
        return;
    }
    CertificateRequest c;
    c.pool_id = pool.id;
    c.use = CertificateUse::internal;
    c.subject = subject;  // CERT-INT-03: no SAN required
    c.ekus = {ExtendedKeyUsage::server_auth};
    using R = CertificateRule;
    require(c, {R::internal_trusted_ca, R::internal_subject, R::internal_server_eku});
    // CERT-INT-05: pools share the internal certificate and its key.
    c.exportable_key = pool.members.size() > 1;
    if (c.exportable_key) require(c, {R::same_internal_certificate});
    c.public_ca = false;  // CERT-INT-01: a private CA is fine
    c.assigned_to = {"Edge Internal"};
    c.where = pool.where;
    plan.certificates.push_back(std::move(c));
}

}  // namespace

void derive_certificates(const Model& model, Plan& plan) {
    for (const EdgePool& pool : model.edge_pools) {
        external_certificate(model, pool, plan);
        internal_certificate(pool, plan);
    }
}

}  // namespace edgeplan::topology::plan_detail
