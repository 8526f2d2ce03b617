#include "checks/certificates/aol_client_eku.h"

#include "checks/certificates/certificate_rule_info.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

namespace {

// Whether the plan asks this pool's external certificate for the client EKU. The certificate
// plan decides it once (AOL enabled and the pool carries SIP federation,
// topology/certificate_plan.cpp); the check judges what the plan requires, not its own guess.
bool plan_requires_client_eku(const Plan& plan, const std::string& pool_id) {
    for (const CertificateRequest& c : plan.certificates) {
        if (c.pool_id != pool_id || c.use != CertificateUse::external) continue;
        for (CertificateRule r : c.requirements) {
            if (r == CertificateRule::aol_client_eku) return true;
        }
    }
    return false;
}

}  // namespace

const CheckInfo& AolClientEkuCheck::info() const {
    static const CheckInfo kInfo = certificates::certificate_rule_info(
        topology::CertificateRule::aol_client_eku, CheckKind::offline);
    return kInfo;
}

// CS-FED, CS-PIC, PLAN-PIC: AOL requires the client EKU on the Access Edge certificate of
// every pool that carries public IM (SIP federation).
std::vector<Finding> AolClientEkuCheck::evaluate(const CheckContext& context) const {
    if (enabled_provider(context.model, PublicProviderKind::aol) == nullptr) {
        return {not_applicable(info(), "the AOL public provider is not enabled")};
    }
    return for_each_planned_certificate(
        info(), context.model, CertificateUse::external,
        [&](const EdgePool& pool, const CertificateSpec& spec, const std::string& subject,
            std::vector<Finding>& out) {
            if (!plan_requires_client_eku(context.plan, pool.id)) {
                out.push_back(make_skip(info(), subject, "not_applicable",
                                        "the pool carries no SIP federation, so AOL's public IM "
                                        "does not reach its certificate",
                                        pool.where));
                return;
            }
            if (!spec.client_eku) {
                out.push_back(unknown_key_fact(
                    info(), subject,
                    "whether the certificate has the client authentication EKU is not stated", pool,
                    spec));
                return;
            }
            out.push_back(
                make_finding(info(), *spec.client_eku ? Status::pass : Status::fail, subject,
                             *spec.client_eku ? "certificate has the client authentication EKU"
                                              : "certificate lacks the client authentication EKU",
                             key_facts_where(spec), {{"expected", "client authentication EKU"}}));
        });
}

}  // namespace edgeplan::checks
