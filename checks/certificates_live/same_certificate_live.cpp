#include "checks/certificates_live/same_certificate_live.h"

#include <map>

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates_live/tls_targets.h"
#include "checks/offline_support.h"
#include "topology/subjects.h"

namespace edgeplan::checks::certificates_live {
namespace {

using topology::CertificateUse;

class SameCertificateLiveCheck final : public Check {
  public:
    explicit SameCertificateLiveCheck(CertificateUse use)
        : info_(certificates::certificate_rule_info(
              use == CertificateUse::external
                  ? topology::CertificateRule::same_external_certificate
                  : topology::CertificateRule::same_internal_certificate,
              CheckKind::tls)),
          use_(use) {}
    const CheckInfo& info() const override { return info_; }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        request_tls(context, use_, requests);
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const auto targets = tls_targets(context, use_);
        if (targets.empty()) return {not_applicable(info_, "the plan has no such TLS endpoint")};
        if (auto skip = tls_not_probed(info_, context, use_)) return {*skip};
        // One comparison per pool and service: members answer the same FQDN on the same port.
        std::map<std::pair<std::string, std::string>, std::vector<TlsTarget>> groups;
        for (const TlsTarget& t : targets) groups[{t.pool_id, to_string(t.role)}].push_back(t);
        std::vector<Finding> out;
        for (const auto& [key, members] : groups) {
            const std::string subject = subjects::tls_pool_subject(key.first, key.second);
            std::vector<certificates::MemberCertificate> presented;
            Evidence evidence{{"pool", key.first}};
            bool failed = false;
            std::string why;
            for (const TlsTarget& t : members) {
                std::vector<Finding> scratch;
                const probes::TlsObservation* o = reached_tls(info_, context, t, scratch);
                const std::string label = tls_subject(t);
                if (!o) {
                    for (const Finding& f : scratch) {
                        if (f.status == Status::error) {
                            failed = true;
                            why = f.message;
                        }
                    }
                    evidence.emplace_back("unreached", label);
                    continue;
                }
                if (o->peer_chain.empty()) {
                    evidence.emplace_back("unreached", label + " (no certificate)");
                    continue;
                }
                try {
                    presented.push_back({label, chain_facts(context, o->peer_chain).leaf});
                } catch (const certificates::CertificateLoadError& e) {
                    failed = true;
                    why = label + ": " + e.what();
                }
            }
            const topology::SourceLocation where = members.front().where;
            if (failed) {
                out.push_back(make_finding(info_, Status::error, subject, why, where, evidence));
                continue;
            }
            const certificates::RuleResult r =
                certificates::evaluate_same_certificate(use_, presented);
            evidence.insert(evidence.end(), r.evidence.begin(), r.evidence.end());
            if (r.status == Status::skip) {
                Finding f = make_skip(info_, subject, r.skip_reason, r.message, where);
                f.evidence = std::move(evidence);
                out.push_back(std::move(f));
            } else {
                out.push_back(make_finding(info_, r.status, subject, r.message, where, evidence));
            }
        }
        return out;
    }

  private:
    CheckInfo info_;
    CertificateUse use_;
};

}  // namespace

std::unique_ptr<Check> make_same_certificate_live_check(CertificateUse use) {
    return std::make_unique<SameCertificateLiveCheck>(use);
}

}  // namespace edgeplan::checks::certificates_live
