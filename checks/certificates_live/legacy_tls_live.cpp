#include "checks/certificates_live/legacy_tls_live.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates_live/tls_targets.h"
#include "checks/offline_support.h"

namespace edgeplan::checks::certificates_live {
namespace {

using topology::CertificateUse;

class LegacyTlsLiveCheck final : public Check {
  public:
    LegacyTlsLiveCheck()
        : info_(certificates::certificate_rule_info(topology::CertificateRule::legacy_tls,
                                                    CheckKind::tls)) {}
    const CheckInfo& info() const override { return info_; }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        request_tls(context, CertificateUse::external, requests);
        request_tls(context, CertificateUse::internal, requests);
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        std::vector<Finding> out;
        std::optional<Finding> skipped;
        bool any = false;
        for (CertificateUse use : {CertificateUse::external, CertificateUse::internal}) {
            const auto targets = tls_targets(context, use);
            if (targets.empty()) continue;
            any = true;
            if (auto skip = tls_not_probed(info_, context, use)) {
                if (!skipped) skipped = skip;
                continue;
            }
            for (const TlsTarget& t : targets) judge(context, t, out);
        }
        if (!any) return {not_applicable(info_, "the plan has no TLS endpoint")};
        if (out.empty() && skipped) return {*skipped};
        return out;
    }

  private:
    void judge(const CheckContext& context, const TlsTarget& t, std::vector<Finding>& out) const {
        const probes::TlsObservation* o = reached_tls(info_, context, t, out);
        if (!o) return;
        const std::string subject = tls_subject(t);
        Evidence evidence = target_evidence(t);
        if (!o->protocol.empty()) evidence.emplace_back("tls_version", o->protocol);
        if (!o->legacy_tls_accepted) {
            Finding f = make_skip(info_, subject, "not_tested",
                                  "the legacy TLS handshake was not tried", t.where);
            f.evidence = std::move(evidence);
            out.push_back(std::move(f));
            return;
        }
        evidence.emplace_back("expected", "TLS 1.0 and 1.1 refused");
        if (*o->legacy_tls_accepted) {
            evidence.emplace_back("observed", o->legacy_protocol + " accepted");
            // RFC 8996 deprecates them; Lync 2013 itself still works without them.
            out.push_back(make_finding(info_, violation_status(info_), subject,
                                       subject + " still accepts " + o->legacy_protocol +
                                           " (RFC 8996 deprecates TLS 1.0/1.1)",
                                       t.where, evidence));
            return;
        }
        evidence.emplace_back("observed", "refused");
        out.push_back(make_finding(info_, Status::pass, subject,
                                   subject + " refuses a TLS 1.0/1.1-only handshake", t.where,
                                   evidence));
    }

    CheckInfo info_;
};

}  // namespace

std::unique_ptr<Check> make_legacy_tls_live_check() {
    return std::make_unique<LegacyTlsLiveCheck>();
}

}  // namespace edgeplan::checks::certificates_live
