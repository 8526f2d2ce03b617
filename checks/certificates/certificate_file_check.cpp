#include "checks/certificates/certificate_file_check.h"

#include <algorithm>

#include "checks/certificate_settings.h"
#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates/certificate_rules.h"
#include "checks/offline_support.h"
#include "topology/subjects.h"

namespace edgeplan::checks::certificates {
namespace {

CertificateExpectation file_expectation(const CheckContext& context, const CertificateFile& file) {
    for (const topology::CertificateRequest& request : context.plan.certificates) {
        if (request.pool_id == file.pool_id && request.use == file.use) {
            return expectation_for(context.model, request);
        }
    }
    CertificateExpectation e;
    e.use = file.use;
    e.pool_id = file.pool_id;
    return e;
}

class PlannedWithFiles final : public Check {
  public:
    PlannedWithFiles(topology::CertificateRule rule, std::unique_ptr<Check> planned)
        : rule_(rule), planned_(std::move(planned)) {}
    const CheckInfo& info() const override { return planned_->info(); }
    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        planned_->request(context, requests);
    }
    std::vector<Finding> evaluate(const CheckContext& context) const override {
        std::vector<Finding> findings = planned_->evaluate(context);
        if (!context.certificates) return findings;
        // The file was read: its findings replace the "needs the certificate probe" skip.
        const auto& files = context.certificates->files;
        findings.erase(
            std::remove_if(findings.begin(), findings.end(),
                           [&](const Finding& f) {
                               return f.skip_reason == "needs_certificate_probe" &&
                                      std::any_of(files.begin(), files.end(), [&](const auto& c) {
                                          return f.subject == cert_subject(c.pool_id, c.use);
                                      });
                           }),
            findings.end());
        for (Finding& f : certificate_file_findings(info(), rule_, context)) {
            findings.push_back(std::move(f));
        }
        return findings;
    }

  private:
    topology::CertificateRule rule_;
    std::unique_ptr<Check> planned_;
};

class FileOnlyCheck final : public Check {
  public:
    explicit FileOnlyCheck(topology::CertificateRule rule)
        : rule_(rule), info_(certificate_rule_info(rule, CheckKind::offline)) {}
    const CheckInfo& info() const override { return info_; }
    std::vector<Finding> evaluate(const CheckContext& context) const override {
        return or_not_applicable(info_, certificate_file_findings(info_, rule_, context),
                                 "no certificate file to read (--cert POOL:USE=FILE or "
                                 "<Certificate file=...>)");
    }

  private:
    topology::CertificateRule rule_;
    CheckInfo info_;
};

}  // namespace

std::vector<Finding> certificate_file_findings(const CheckInfo& info,
                                               topology::CertificateRule rule,
                                               const CheckContext& context) {
    std::vector<Finding> findings;
    if (!context.certificates) return findings;
    RuleOptions options;
    options.now = context.now;
    options.expiry_warning_days = context.certificates->expiry_warning_days;
    for (const CertificateFile& file : context.certificates->files) {
        const CertificateExpectation expected = file_expectation(context, file);
        for (const RuleResult& r : evaluate_certificate(file.chain, expected, options)) {
            if (r.rule != rule) continue;
            Evidence evidence{{"file", file.path},
                              {"pool", file.pool_id},
                              {"cert_sha256", file.chain.leaf.sha256_fingerprint}};
            evidence.insert(evidence.end(), r.evidence.begin(), r.evidence.end());
            const std::string subject = subjects::file_subject(file.path);
            if (r.status == Status::skip) {
                Finding f = make_skip(info, subject, r.skip_reason, r.message, file.where);
                f.evidence = std::move(evidence);
                findings.push_back(std::move(f));
            } else {
                findings.push_back(
                    make_finding(info, r.status, subject, r.message, file.where, evidence));
            }
        }
    }
    return findings;
}

std::unique_ptr<Check> with_certificate_files(topology::CertificateRule rule,
                                              std::unique_ptr<Check> planned) {
    return std::make_unique<PlannedWithFiles>(rule, std::move(planned));
}

std::unique_ptr<Check> make_certificate_file_check(topology::CertificateRule rule) {
    return std::make_unique<FileOnlyCheck>(rule);
}

}  // namespace edgeplan::checks::certificates
