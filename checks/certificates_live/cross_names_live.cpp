#include "checks/certificates_live/cross_names_live.h"

#include <algorithm>

#include "checks/certificates/certificate_rule_info.h"
#include "checks/certificates_live/tls_targets.h"
#include "checks/offline_support.h"
#include "checks/probe_settings.h"

namespace edgeplan::checks::certificates_live {
namespace {

using topology::CertificateUse;

// The external FQDNs the rule needs resolved: Access Edge and Web Conferencing of each pool.
std::vector<std::string> external_fqdns(const topology::Model& model) {
    std::vector<std::string> names;
    for (const topology::EdgePool& pool : model.edge_pools) {
        for (const std::string& fqdn : {pool.access.fqdn, pool.webconf.fqdn}) {
            if (!fqdn.empty() && !contains_name(names, lower(fqdn))) names.push_back(lower(fqdn));
        }
    }
    return names;
}

class CrossNamesLiveCheck final : public Check {
  public:
    CrossNamesLiveCheck()
        : info_(certificates::certificate_rule_info(topology::CertificateRule::cross_names,
                                                    CheckKind::tls)) {}
    const CheckInfo& info() const override { return info_; }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        if (!context.probe || !context.probe->probes_from(ProbeSide::external)) return;
        request_tls(context, CertificateUse::external, requests);
        for (const std::string& name : external_fqdns(context.model)) {
            for (probes::DnsType type : {probes::DnsType::A, probes::DnsType::AAAA}) {
                requests.dns.push_back({name, type, probes::DnsView::external, false});
            }
        }
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const auto targets = tls_targets(context, CertificateUse::external);
        if (targets.empty())
            return {not_applicable(info_, "the plan has no external TLS endpoint")};
        if (auto skip = tls_not_probed(info_, context, CertificateUse::external)) return {*skip};
        // Resolved: any external server answered A or AAAA with an address.
        std::vector<std::string> resolved;
        for (const probes::DnsAnswer& a : context.observations->dns) {
            if (a.outcome == probes::DnsOutcome::ok && !a.addresses.empty() &&
                (a.query.type == probes::DnsType::A || a.query.type == probes::DnsType::AAAA)) {
                resolved.push_back(lower(a.query.name));
            }
        }
        std::vector<Finding> out;
        for (const TlsTarget& t : targets) {
            const probes::TlsObservation* o = reached_tls(info_, context, t, out);
            if (!o) continue;
            const std::string subject = tls_subject(t);
            Evidence evidence = target_evidence(t);
            if (o->peer_chain.empty()) {
                Finding f =
                    make_skip(info_, subject, "no_certificate",
                              "the endpoint presented no certificate: " + o->error, t.where);
                f.evidence = std::move(evidence);
                out.push_back(std::move(f));
                continue;
            }
            try {
                const auto chain = chain_facts(context, o->peer_chain);
                const auto r = certificates::evaluate_cross_names(
                    chain.leaf, expectation_of(context, t.pool_id, CertificateUse::external),
                    resolved);
                evidence.insert(evidence.end(), r.evidence.begin(), r.evidence.end());
                if (r.status == Status::skip) {
                    Finding f = make_skip(info_, subject, r.skip_reason, r.message, t.where);
                    f.evidence = std::move(evidence);
                    out.push_back(std::move(f));
                } else {
                    out.push_back(
                        make_finding(info_, r.status, subject, r.message, t.where, evidence));
                }
            } catch (const certificates::CertificateLoadError& e) {
                out.push_back(
                    make_finding(info_, Status::error, subject, e.what(), t.where, evidence));
            }
        }
        return out;
    }

  private:
    CheckInfo info_;
};

}  // namespace

std::unique_ptr<Check> make_cross_names_live_check() {
    return std::make_unique<CrossNamesLiveCheck>();
}

}  // namespace edgeplan::checks::certificates_live
