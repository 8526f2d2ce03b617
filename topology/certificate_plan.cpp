// Certificate part of the plan: one external and one internal request per Edge pool
// (catalogue section 1, tables T1-A..T1-D, ambiguities A-1..A-6).
#include <algorithm>
#include <cctype>

#include "topology/plan_derivation.h"
#include "topology/strings.h"

namespace edgeplan::topology::plan_detail {
namespace {

using strings::lower;

void external_certificate(const Model& model, const EdgePool& pool, Plan& plan) {
    // CERT-EXT-02: subject = Access Edge FQDN (the access VIP FQDN on an HLB pool, which the
    // model keeps as the Access Edge FQDN).
    const std::string subject = lower(pool.access.fqdn);
    if (subject.empty()) {
        plan.unknowns.push_back({"Access Edge external FQDN of Edge pool " + pool.id +
                                     " (external certificate subject)",
                                 "CERT-EXT-02", pool_subject(pool), pool.access.where});
        return;
    }
    CertificateRequest c;
    c.pool_id = pool.id;
    c.use = CertificateUse::external;
    c.subject = subject;
    c.rules = {"CERT-EXT-01", "CERT-EXT-02", "CERT-EXT-03",
               "CERT-EXT-09", "CERT-EXT-12", "CERT-EXT-14"};
    UniqueList sans;    // one SAN per SIP domain: a set keeps thousands of domains linear
    sans.add(subject);  // CERT-EXT-03: the subject is repeated in the SAN
    const std::string webconf = lower(pool.webconf.fqdn);
    if (webconf.empty()) {
        plan.unknowns.push_back({"Web Conferencing Edge external FQDN of Edge pool " + pool.id +
                                     " (external certificate SAN)",
                                 "CERT-EXT-04", pool_subject(pool), pool.webconf.where});
    } else {
        sans.add(webconf);
        c.rules.push_back("CERT-EXT-04");
    }
    // CERT-EXT-05: sip.<domain> for every SIP domain. A-3 / CERT-EXT-06: no A/V FQDN.
    for (const SipDomain& domain : model.sip_domains) {
        if (!domain.name.empty()) sans.add("sip." + lower(domain.name));
    }
    if (!model.sip_domains.empty()) c.rules.push_back("CERT-EXT-05");
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
            c.rules.push_back("CERT-XMPP-01");
            c.rules.push_back("CERT-XMPP-03");
        }
    }
    c.sans = sans.take();
    c.ekus = {ExtendedKeyUsage::server_auth};
    // CERT-EXT-10: AOL needs the client EKU on the Access Edge carrying public IM.
    if (public_provider_enabled(model, PublicProviderKind::aol) &&
        sip_federation_on_pool(model, pool)) {
        c.ekus.push_back(ExtendedKeyUsage::client_auth);
        c.rules.push_back("CERT-EXT-10");
    }
    // A-5 / CERT-EXT-12: exportable for every Edge; the checks fail it for pools and only warn
    // for a single Edge.
    c.exportable_key = true;
    if (pool.members.size() > 1) c.rules.push_back("CERT-EXT-13");
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
             "CERT-INT-02", pool_subject(pool), pool.where});
        return;
    }
    CertificateRequest c;
    c.pool_id = pool.id;
    c.use = CertificateUse::internal;
    c.subject = subject;  // CERT-INT-03: no SAN required
    c.ekus = {ExtendedKeyUsage::server_auth};
    c.rules = {"CERT-INT-01", "CERT-INT-02", "CERT-INT-04"};
    // CERT-INT-05: pools share the internal certificate and its key.
    c.exportable_key = pool.members.size() > 1;
    if (c.exportable_key) c.rules.push_back("CERT-INT-05");
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
