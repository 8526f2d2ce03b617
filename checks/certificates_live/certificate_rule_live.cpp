#include "checks/certificates_live/certificate_rule_live.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates_live/tls_targets.h"
#include "checks/offline_support.h"

namespace edgeplan::checks::certificates_live {
namespace {

using topology::CertificateUse;

enum class Scope { external_tls, internal_tls, all_tls, xmpp };

// Which live chains a rule reads: the rules on any certificate read every TLS endpoint, the
// XMPP rules the chain behind STARTTLS on 5269, the others the chains of their own use.
Scope scope_of(topology::CertificateRule rule) {
    using R = topology::CertificateRule;
    switch (rule) {
        case R::validity:
        case R::key_strength:
        case R::signature_hash:
            return Scope::all_tls;
        case R::xmpp_domains_san:
        case R::xmpp_san_forms:
            return Scope::xmpp;
        case R::internal_trusted_ca:
        case R::internal_subject:
        case R::internal_wildcard:
        case R::internal_server_eku:
        case R::same_internal_certificate:
            return Scope::internal_tls;
        default:
            return Scope::external_tls;
    }
}

void add_rule_finding(const CheckInfo& info, topology::CertificateRule rule,
                      const std::string& subject, const certificates::CertificateChainFacts& chain,
                      const certificates::CertificateExpectation& expected,
                      const CheckContext& context, Evidence evidence,
                      const topology::SourceLocation& where, std::vector<Finding>& out) {
    for (const certificates::RuleResult& r :
         certificates::evaluate_certificate(chain, expected, rule_options(context))) {
        if (r.rule != rule) continue;
        evidence.emplace_back("cert_sha256", chain.leaf.sha256_fingerprint);
        evidence.insert(evidence.end(), r.evidence.begin(), r.evidence.end());
        if (r.status == Status::skip) {
            Finding f = make_skip(info, subject, r.skip_reason, r.message, where);
            f.evidence = std::move(evidence);
            out.push_back(std::move(f));
        } else {
            out.push_back(make_finding(info, r.status, subject, r.message, where, evidence));
        }
    }
}

// Parses the presented chain; an unparsable chain is a tool failure for this endpoint.
std::optional<certificates::CertificateChainFacts> parsed(
    const CheckInfo& info, const CheckContext& context, const std::vector<probes::DerBlob>& chain,
    const std::string& subject, Evidence& evidence, const topology::SourceLocation& where,
    std::vector<Finding>& out) {
    if (chain.size() >= static_cast<std::size_t>(probes::kMaxChainCertificates)) {
        // Without this, a cut chain reads only as "does not build to a trusted CA".
        evidence.emplace_back("chain_limit",
                              "the server presented " + std::to_string(chain.size()) +
                                  " or more certificates; edgeplan keeps the first " +
                                  std::to_string(probes::kMaxChainCertificates) +
                                  ", so a chain that needs more does not build");
    }
    try {
        return chain_facts(context, chain);
    } catch (const certificates::CertificateLoadError& e) {
        out.push_back(make_finding(info, Status::error, subject,
                                   std::string("the presented chain cannot be parsed: ") + e.what(),
                                   where, evidence));
        return std::nullopt;
    }
}

class CertificateRuleLiveCheck final : public Check {
  public:
    CertificateRuleLiveCheck(CheckInfo info, topology::CertificateRule rule, Scope scope)
        : info_(std::move(info)), rule_(rule), scope_(scope) {}
    const CheckInfo& info() const override { return info_; }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        if (scope_ == Scope::xmpp) {
            request_xmpp(context, requests);
            return;
        }
        for (CertificateUse use : uses()) request_tls(context, use, requests);
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        return scope_ == Scope::xmpp ? evaluate_xmpp(context) : evaluate_tls(context);
    }

  private:
    std::vector<CertificateUse> uses() const {
        switch (scope_) {
            case Scope::external_tls:
                return {CertificateUse::external};
            case Scope::internal_tls:
                return {CertificateUse::internal};
            case Scope::all_tls:
                return {CertificateUse::external, CertificateUse::internal};
            case Scope::xmpp:
                break;
        }
        return {};
    }

    std::vector<Finding> evaluate_tls(const CheckContext& context) const {
        std::vector<Finding> out;
        std::optional<Finding> first_skip;
        bool any_target = false;
        for (CertificateUse use : uses()) {
            const auto targets = tls_targets(context, use);
            if (targets.empty()) continue;
            any_target = true;
            if (auto skip = tls_not_probed(info_, context, use)) {
                if (!first_skip) first_skip = skip;
                continue;
            }
            for (const TlsTarget& t : targets) evaluate_target(context, t, out);
        }
        if (!any_target) {
            return {not_applicable(info_, "the plan has no TLS endpoint this rule applies to")};
        }
        if (out.empty() && first_skip) return {*first_skip};
        return or_not_applicable(info_, std::move(out), "no endpoint presented this rule");
    }

    void evaluate_target(const CheckContext& context, const TlsTarget& t,
                         std::vector<Finding>& out) const {
        const probes::TlsObservation* o = reached_tls(info_, context, t, out);
        if (!o) return;
        const std::string subject = tls_subject(t);
        Evidence evidence = target_evidence(t);
        if (!o->protocol.empty()) evidence.emplace_back("tls_version", o->protocol);
        if (!o->cipher.empty()) evidence.emplace_back("tls_cipher", o->cipher);
        if (o->peer_chain.empty()) {
            Finding f = make_skip(info_, subject, "no_certificate",
                                  "the endpoint presented no certificate: " +
                                      (o->connected ? o->error : "connect failed: " + o->error),
                                  t.where);
            f.evidence = std::move(evidence);
            out.push_back(std::move(f));
            return;
        }
        if (o->client_cert_required_failure) {
            evidence.emplace_back("observed", "client certificate required (none presented)");
        }
        const auto chain = parsed(info_, context, o->peer_chain, subject, evidence, t.where, out);
        if (!chain) return;
        add_rule_finding(info_, rule_, subject, *chain, expectation_of(context, t.pool_id, t.use),
                         context, std::move(evidence), t.where, out);
    }

    std::vector<Finding> evaluate_xmpp(const CheckContext& context) const {
        const auto targets = xmpp_targets(context);
        if (targets.empty()) {
            return {no_xmpp_endpoint(info_, context)};
        }
        if (auto skip = tls_not_probed(info_, context, CertificateUse::external)) return {*skip};
        std::vector<Finding> out;
        for (const XmppTarget& t : targets) {
            const probes::XmppObservation* o = reached_xmpp(info_, context, t, out);
            if (!o) continue;
            const std::string subject = xmpp_subject(context, t);
            Evidence evidence = target_evidence(t);
            if (o->outcome != probes::XmppOutcome::tls_negotiated || o->peer_chain.empty()) {
                Finding f = make_skip(info_, subject, "no_certificate",
                                      std::string("no certificate after STARTTLS (") +
                                          probes::to_string(o->outcome) +
                                          "); XMPP-17 reports the negotiation",
                                      t.where);
                f.evidence = std::move(evidence);
                out.push_back(std::move(f));
                continue;
            }
            if (!o->tls_protocol.empty()) evidence.emplace_back("tls_version", o->tls_protocol);
            const auto chain =
                parsed(info_, context, o->peer_chain, subject, evidence, t.where, out);
            if (!chain) continue;
            // The 5269 certificate must name the XMPP domain this stream was opened to.
            auto expected = expectation_of(context, t.pool_id, CertificateUse::external);
            expected.xmpp_domains = {t.domain};
            add_rule_finding(info_, rule_, subject, *chain, expected, context, std::move(evidence),
                             t.where, out);
        }
        return out;
    }

    CheckInfo info_;
    topology::CertificateRule rule_;
    Scope scope_;
};

}  // namespace

std::unique_ptr<Check> make_certificate_rule_live_check(topology::CertificateRule rule) {
    const Scope scope = scope_of(rule);
    return std::make_unique<CertificateRuleLiveCheck>(
        certificates::certificate_rule_info(
            rule, scope == Scope::xmpp ? CheckKind::xmpp : CheckKind::tls),
        rule, scope);
}

}  // namespace edgeplan::checks::certificates_live
