// Certificate rules (certificate_rules.h). Stances on the documentation's contradictions follow
// the catalogue: A-1 (fail a wildcard SN, warn a wildcard SAN on the external certificate, allow
// one on the internal), A-2 (require the XMPP domain itself, warn when xmpp.<domain> is absent),
// A-3 (never require an A/V FQDN, CERT-EXT-06).
#include "checks/certificates/certificate_rules.h"

#include <algorithm>
#include <cctype>

#include "checks/certificates/name_match.h"

namespace edgeplan::checks::certificates {
using R = topology::CertificateRule;

namespace {

using topology::CertificateUse;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text.empty() ? "(none)" : text;
}

RuleResult result(R id, Status status, std::string message, Evidence evidence = {}) {
    return {topology::catalogue_id(id), status, std::move(message), std::move(evidence), {}, id};
}

RuleResult skipped(R id, std::string message, const char* reason = "not_applicable") {
    return {topology::catalogue_id(id), Status::skip, std::move(message), {}, reason, id};
}

// How a required name is on the certificate: listed as such, only covered by a wildcard, or not.
enum class Presence { explicit_name, wildcard_only, absent };

Presence presence(const CertificateFacts& facts, const std::string& name) {
    const std::string wanted = lower(name);
    if (contains(facts.san_dns, wanted)) return Presence::explicit_name;
    return any_name_matches(facts.san_dns, wanted) ? Presence::wildcard_only : Presence::absent;
}

// CERT-EXT-03 / -04: one required SAN entry. A name only covered by a wildcard warns (A-1: the
// Edge needs a distinct SAN per name).
RuleResult required_san(R id, const CertificateFacts& facts, const std::string& name,
                        const std::string& role) {
    Evidence evidence{{"expected", name}, {"cert_san", join(facts.san_dns)}};
    switch (presence(facts, name)) {
        case Presence::explicit_name:
            return result(id, Status::pass, "the SAN lists the " + role + " " + name, evidence);
        case Presence::wildcard_only:
            return result(id, Status::warn,
                          "the " + role + " " + name +
                              " is covered only by a wildcard SAN; the Edge needs it listed",
                          evidence);
        case Presence::absent:
            break;
    }
    evidence.emplace_back("missing", name);
    return result(id, Status::fail, "the SAN does not contain the " + role + " " + name, evidence);
}

RuleResult chain_trust(R id, const CertificateChainFacts& chain, bool public_ca) {
    const ChainVerification& v = chain.leaf.verification;
    if (!v.attempted) return skipped(id, "the chain was not verified", "not_verified");
    Evidence evidence{{"observed", join(v.chain_subjects)}};
    const std::string anchor = public_ca ? "a trusted public CA" : "a trusted CA";
    if (v.trusted) return result(id, Status::pass, "the chain builds to " + anchor, evidence);
    evidence.emplace_back("expected", anchor);
    return result(id, Status::fail, "the chain does not build to " + anchor + ": " + v.error,
                  evidence);
}

RuleResult subject_is_fqdn(R id, const CertificateFacts& facts,
                           const CertificateExpectation& expected) {
    Evidence evidence{{"expected", expected.subject}, {"cert_subject", facts.subject_dn}};
    if (is_wildcard(facts.subject_cn)) {
        return result(id, Status::fail,
                      "the subject name " + facts.subject_cn +
                          " is a wildcard; Lync supports no wildcard subject for any role",
                      evidence);
    }
    if (facts.subject_cn == lower(expected.subject)) {
        return result(id, Status::pass, "the subject name is " + expected.subject, evidence);
    }
    // CERT-EXT-02 only warns: Lync 2013 no longer needs SN = Access Edge FQDN (OCS still does).
    // CERT-INT-02 fails: internal servers connect to the internal FQDN.
    const bool external = expected.use == CertificateUse::external;
    return result(id, external ? Status::warn : Status::fail,
                  "the subject name is " +
                      (facts.subject_cn.empty() ? std::string("empty") : facts.subject_cn) +
                      ", not " + expected.subject,
                  evidence);
}

RuleResult subject_in_san(const CertificateFacts& facts, const CertificateExpectation& expected) {
    RuleResult r = required_san(R::access_fqdn_san, facts, expected.subject, "Access Edge FQDN");
    // TLS clients ignore the subject when a SAN is present, so the subject must be repeated.
    if (r.status == Status::pass && !facts.subject_cn.empty() &&
        !contains(facts.san_dns, facts.subject_cn)) {
        r.status = Status::fail;
        r.message = "the subject name " + facts.subject_cn + " is not repeated in the SAN";
        r.evidence.emplace_back("missing", facts.subject_cn);
    }
    return r;
}

RuleResult sip_domains(const CertificateFacts& facts, const CertificateExpectation& expected) {
    const R id = R::sip_domains_san;
    if (expected.sip_domains.empty()) return skipped(id, "the topology names no SIP domain");
    Evidence evidence{{"cert_san", join(facts.san_dns)}};
    std::vector<std::string> missing;
    std::vector<std::string> wildcard_only;
    for (const auto& domain : expected.sip_domains) {
        const std::string name = "sip." + lower(domain);
        evidence.emplace_back("expected", name);
        const Presence p = presence(facts, name);
        if (p == Presence::absent) missing.push_back(name);
        if (p == Presence::wildcard_only) wildcard_only.push_back(name);
    }
    for (const auto& name : missing) evidence.emplace_back("missing", name);
    if (!missing.empty()) {
        return result(id, Status::fail, "the SAN lacks " + join(missing), evidence);
    }
    if (!wildcard_only.empty()) {
        return result(id, Status::warn, "only a wildcard covers " + join(wildcard_only), evidence);
    }
    return result(id, Status::pass, "the SAN lists sip.<domain> for every SIP domain", evidence);
}

RuleResult wildcards(R id, const CertificateFacts& facts, bool external) {
    std::vector<std::string> found;
    for (const auto& name : facts.san_dns) {
        if (is_wildcard(name)) found.push_back(name);
    }
    Evidence evidence{{"cert_subject", facts.subject_dn}, {"cert_san", join(facts.san_dns)}};
    for (const auto& name : found) evidence.emplace_back("unexpected", name);
    if (is_wildcard(facts.subject_cn)) {
        return result(id, Status::fail, "the subject name is a wildcard", evidence);
    }
    if (found.empty()) return result(id, Status::pass, "no wildcard name", evidence);
    if (external) {
        return result(id, Status::warn,
                      "wildcard SAN " + join(found) + " on the external Edge certificate (A-1)",
                      evidence);
    }
    return result(id, Status::pass,
                  "wildcard SAN " + join(found) + " is allowed on the internal certificate",
                  evidence);
}

RuleResult has_eku(R id, const CertificateFacts& facts, const char* oid, const std::string& name) {
    Evidence evidence{{"expected", name + " (" + oid + ")"}, {"cert_eku", join(facts.ekus)}};
    if (contains(facts.ekus, oid)) return result(id, Status::pass, "the EKU has " + name, evidence);
    return result(id, Status::fail,
                  facts.eku_extension_present
                      ? "the EKU lacks " + name
                      : "the certificate has no EKU extension (" + name + " must be listed)",
                  evidence);
}

RuleResult validity(const CertificateFacts& facts, const RuleOptions& options) {
    const R id = R::validity;
    Evidence evidence{{"cert_not_after", format_utc(facts.not_after)},
                      {"date", format_utc(options.now)}};
    if (options.now < facts.not_before) {
        evidence.emplace_back("observed", "not before " + format_utc(facts.not_before));
        return result(id, Status::fail, "the certificate is not yet valid", evidence);
    }
    if (options.now > facts.not_after) {
        return result(id, Status::fail, "the certificate has expired", evidence);
    }
    const auto left = std::chrono::duration_cast<std::chrono::hours>(facts.not_after - options.now);
    const long days = static_cast<long>(left.count() / 24);
    evidence.emplace_back("limit", std::to_string(options.expiry_warning_days) + " days");
    if (days <= options.expiry_warning_days) {
        return result(id, Status::warn,
                      "the certificate expires in " + std::to_string(days) +
                          " days; plan the renewal (A/V tokens are cached for 8 hours)",
                      evidence);
    }
    return result(id, Status::pass, "valid for " + std::to_string(days) + " more days", evidence);
}

RuleResult key_strength(const CertificateFacts& facts) {
    const R id = R::key_strength;
    const std::string observed = std::string(to_string(facts.key_type)) + " " +
                                 std::to_string(facts.key_bits) +
                                 (facts.key_curve.empty() ? "" : " " + facts.key_curve);
    Evidence evidence{{"observed", observed}, {"expected", "RSA >= 2048 or EC >= 256"}};
    bool strong = false;
    switch (facts.key_type) {
        case KeyType::rsa:
            strong = facts.key_bits >= 2048;
            break;
        case KeyType::ec:
            strong = facts.key_bits >= 256;
            break;
        case KeyType::ed25519:
        case KeyType::ed448:
            strong = true;
            break;
        case KeyType::dsa:
        case KeyType::other:
            strong = false;
            break;
    }
    if (strong) return result(id, Status::pass, "key " + observed, evidence);
    return result(id, Status::fail, "weak or unsupported key " + observed, evidence);
}

bool weak_hash(const std::string& hash) {
    return hash == "SHA1" || hash == "MD5" || hash == "MD4" || hash == "MD2";
}

RuleResult signature_hash(const CertificateChainFacts& chain) {
    const R id = R::signature_hash;
    Evidence evidence{{"observed", chain.leaf.signature_algorithm}};
    std::vector<std::string> weak;
    if (weak_hash(chain.leaf.signature_hash)) weak.push_back(chain.leaf.subject_dn);
    // A root's self-signature is not relied upon (it is trusted as an anchor), so only
    // intermediates signed by someone else count.
    for (const auto& cert : chain.intermediates) {
        if (!cert.self_signed && weak_hash(cert.signature_hash)) {
            weak.push_back(cert.subject_dn);
            evidence.emplace_back("observed", cert.subject_dn + ": " + cert.signature_algorithm);
        }
    }
    if (weak.empty()) {
        return result(id, Status::pass, "signed with " + chain.leaf.signature_algorithm, evidence);
    }
    for (const auto& name : weak) evidence.emplace_back("unexpected", name);
    return result(id, Status::fail, "SHA-1 or MD5 signature on " + join(weak), evidence);
}

RuleResult xmpp_domains(const CertificateFacts& facts, const CertificateExpectation& expected) {
    const R id = R::xmpp_domains_san;
    if (expected.xmpp_domains.empty()) return skipped(id, "this pool carries no XMPP domain");
    Evidence evidence{{"cert_san", join(facts.san_dns)}};
    std::vector<std::string> missing;
    for (const auto& domain : expected.xmpp_domains) {
        evidence.emplace_back("expected", lower(domain));
        // the XMPP domain itself, listed; a wildcard never covers the domain itself.
        if (!contains(facts.san_dns, lower(domain))) missing.push_back(lower(domain));
    }
    for (const auto& name : missing) evidence.emplace_back("missing", name);
    if (!missing.empty())
        return result(id, Status::fail, "the SAN lacks " + join(missing), evidence);
    return result(id, Status::pass, "the SAN lists every XMPP domain", evidence);
}

RuleResult xmpp_prefixed(const CertificateFacts& facts, const CertificateExpectation& expected) {
    const R id = R::xmpp_san_forms;
    if (expected.xmpp_domains.empty()) return skipped(id, "this pool carries no XMPP domain");
    Evidence evidence{{"cert_san", join(facts.san_dns)}};
    std::vector<std::string> notes;
    for (const auto& domain : expected.xmpp_domains) {
        const std::string prefixed = "xmpp." + lower(domain);
        if (!contains(facts.san_dns, prefixed)) {
            notes.push_back(prefixed + " absent");
            evidence.emplace_back("missing", prefixed);
        }
        if (contains(facts.san_dns, "*." + lower(domain))) {
            notes.push_back("wildcard *." + lower(domain));
            evidence.emplace_back("unexpected", "*." + lower(domain));
        }
    }
    if (notes.empty())
        return result(id, Status::pass, "xmpp.<domain> listed, no wildcard", evidence);
    return result(id, Status::warn,
                  join(notes) + " (xmpp.<domain> is recommended for XMPP federation, not required)",
                  evidence);
}

}  // namespace

CertificateExpectation expectation_for(const topology::Model& model,
                                       const topology::CertificateRequest& request) {
    CertificateExpectation e;
    e.use = request.use;
    e.pool_id = request.pool_id;
    e.subject = request.subject;
    e.public_ca = request.public_ca;
    e.server_auth = std::find(request.ekus.begin(), request.ekus.end(),
                              topology::ExtendedKeyUsage::server_auth) != request.ekus.end();
    e.client_auth = std::find(request.ekus.begin(), request.ekus.end(),
                              topology::ExtendedKeyUsage::client_auth) != request.ekus.end();
    if (request.use != CertificateUse::external) return e;
    if (const topology::EdgePool* pool = model.find_edge_pool(request.pool_id)) {
        e.webconf_fqdn = lower(pool->webconf.fqdn);
    }
    for (const auto& domain : model.sip_domains) {
        if (!domain.name.empty()) e.sip_domains.push_back(lower(domain.name));
    }
    // The plan lists the XMPP domains only on the pool that carries XMPP federation.
    for (const auto& domain : model.xmpp_domains) {
        const std::string name = lower(domain.name);
        if (std::find(request.sans.begin(), request.sans.end(), name) != request.sans.end())
            e.xmpp_domains.push_back(name);
    }
    return e;
}

std::vector<RuleResult> evaluate_certificate(const CertificateChainFacts& chain,
                                             const CertificateExpectation& expected,
                                             const RuleOptions& options) {
    const CertificateFacts& facts = chain.leaf;
    std::vector<RuleResult> results;
    if (expected.use == CertificateUse::external) {
        results.push_back(chain_trust(R::public_ca, chain, expected.public_ca));
        results.push_back(subject_is_fqdn(R::external_subject, facts, expected));
        results.push_back(subject_in_san(facts, expected));
        results.push_back(expected.webconf_fqdn.empty()
                              ? skipped(R::webconf_fqdn_san, "the Web Conferencing FQDN is unknown",
                                        "unknown_input")
                              : required_san(R::webconf_fqdn_san, facts, expected.webconf_fqdn,
                                             "Web Conferencing Edge FQDN"));
        results.push_back(sip_domains(facts, expected));
        results.push_back(wildcards(R::no_external_wildcard, facts, true));
        results.push_back(has_eku(R::external_server_eku, facts, kEkuServerAuth, "serverAuth"));
        results.push_back(expected.client_auth
                              ? has_eku(R::aol_client_eku, facts, kEkuClientAuth, "clientAuth")
                              : skipped(R::aol_client_eku, "no AOL public IM on this pool"));
    } else {
        results.push_back(chain_trust(R::internal_trusted_ca, chain, false));
        results.push_back(subject_is_fqdn(R::internal_subject, facts, expected));
        results.push_back(wildcards(R::internal_wildcard, facts, false));
        results.push_back(has_eku(R::internal_server_eku, facts, kEkuServerAuth, "serverAuth"));
    }
    results.push_back(validity(facts, options));
    results.push_back(key_strength(facts));
    results.push_back(signature_hash(chain));
    if (expected.use == CertificateUse::external) {
        results.push_back(xmpp_domains(facts, expected));
        results.push_back(xmpp_prefixed(facts, expected));
    }
    std::stable_sort(results.begin(), results.end(), [](const RuleResult& a, const RuleResult& b) {
        return a.rule_id < b.rule_id;
    });
    return results;
}

RuleResult evaluate_same_certificate(CertificateUse use,
                                     const std::vector<MemberCertificate>& members) {
    const R id = use == CertificateUse::external ? R::same_external_certificate
                                                 : R::same_internal_certificate;
    if (members.size() < 2)
        return skipped(id, "fewer than two pool members presented a certificate");
    Evidence evidence;
    for (const auto& m : members)
        evidence.emplace_back("observed", m.member + " " + m.facts.sha256_fingerprint);
    const std::string& first = members.front().facts.sha256_fingerprint;
    const bool same = std::all_of(members.begin(), members.end(), [&](const MemberCertificate& m) {
        return m.facts.sha256_fingerprint == first;
    });
    if (same) {
        return result(
            id, Status::pass,
            "all " + std::to_string(members.size()) + " members present the same certificate",
            evidence);
    }
    return result(id, Status::fail, "pool members present different certificates", evidence);
}

RuleResult evaluate_cross_names(const CertificateFacts& facts,
                                const CertificateExpectation& expected,
                                const std::vector<std::string>& resolved) {
    const R id = R::cross_names;
    std::vector<std::string> names;
    if (!expected.subject.empty()) names.push_back(lower(expected.subject));
    if (!expected.webconf_fqdn.empty()) names.push_back(lower(expected.webconf_fqdn));
    if (names.empty()) return skipped(id, "the topology names no external FQDN", "unknown_input");
    std::vector<std::string> resolved_lower;
    for (const auto& name : resolved) resolved_lower.push_back(lower(name));
    Evidence evidence{{"cert_san", join(facts.san_dns)}};
    std::vector<std::string> problems;
    for (const auto& name : names) {
        evidence.emplace_back("fqdn", name);
        if (!contains(resolved_lower, name)) problems.push_back(name + " has no DNS record");
        if (!any_name_matches(facts.san_dns, name))
            problems.push_back(name + " is not on the certificate");
    }
    if (problems.empty()) {
        return result(id, Status::pass, "every external FQDN resolves and is on the certificate",
                      evidence);
    }
    for (const auto& p : problems) evidence.emplace_back("missing", p);
    return result(id, Status::fail, join(problems), evidence);
}

}  // namespace edgeplan::checks::certificates
