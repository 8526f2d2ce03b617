#include "checks/certificates_live/federation_tls12_live.h"

#include "checks/certificates_live/tls_targets.h"
#include "checks/offline_support.h"

namespace edgeplan::checks::certificates_live {
namespace {

using topology::CertificateUse;

const CheckInfo& federation_tls12_info() {
    static const CheckInfo kInfo{
        "FED-13",
        "The Access Edge federation port (5061) negotiates TLS 1.2 or later, as Microsoft 365 "
        "and Teams federation require",
        "federation",
        CheckKind::tls,
        Severity::must,
        {"FED"},
        {Citation{"M365-TLS12",
                  "https://learn.microsoft.com/purview/prepare-tls-1.2-in-office-365"},
         Citation{"SFB-ENCRYPTION",
                  "https://learn.microsoft.com/skypeforbusiness/plan-your-deployment/security/"
                  "encryption"}},
        "Enable TLS 1.2 on the Edge Servers (Windows Schannel settings and the server's "
        "updates) and keep it offered on the federation port"};
    return kInfo;
}

// Microsoft 365 deprecated TLS 1.0 and 1.1 for its commercial services from 15 October 2020
// (M365-TLS12); SFB-ENCRYPTION lists the versions each server release offers. The probe's main
// handshake offers TLS 1.2 and 1.3 only, and the CERT-EXT-22 handshake offers 1.0 and 1.1 only:
// a negotiated main handshake proves 1.2+, a failed one beside an accepted legacy one proves
// the endpoint speaks only 1.0/1.1. Anything else is not measured and skips.
class FederationTls12LiveCheck final : public Check {
  public:
    const CheckInfo& info() const override { return federation_tls12_info(); }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        request_tls(context, CertificateUse::external, requests);
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        std::vector<TlsTarget> targets;
        for (TlsTarget& t : tls_targets(context, CertificateUse::external)) {
            if (t.role == TlsRole::access_federation) targets.push_back(std::move(t));
        }
        if (targets.empty()) {
            return {not_applicable(info(), "the plan has no Access Edge federation port")};
        }
        if (auto skip = tls_not_probed(info(), context, CertificateUse::external)) return {*skip};
        std::vector<Finding> out;
        for (const TlsTarget& t : targets) judge(context, t, out);
        return out;
    }

  private:
    void judge(const CheckContext& context, const TlsTarget& t, std::vector<Finding>& out) const {
        const probes::TlsObservation* o = reached_tls(info(), context, t, out);
        if (!o) return;
        const std::string subject = tls_subject(t);
        Evidence evidence = target_evidence(t);
        evidence.emplace_back("expected", "TLS 1.2 or later");
        if (o->protocol == "TLSv1.2" || o->protocol == "TLSv1.3") {
            evidence.emplace_back("tls_version", o->protocol);
            out.push_back(make_finding(info(), Status::pass, subject,
                                       subject + " negotiates " + o->protocol, t.where, evidence));
            return;
        }
        std::string observed;
        if (!o->protocol.empty()) {
            observed = o->protocol;  // a main handshake below 1.2: not offered, but be safe
        } else if (o->legacy_tls_accepted.value_or(false)) {
            observed = "only " + o->legacy_protocol + " (a TLS 1.2/1.3 handshake failed)";
        }
        if (observed.empty()) {
            Finding f = make_skip(info(), subject, "not_tested",
                                  "no TLS version was measured: the TLS 1.2/1.3 handshake failed "
                                  "and no TLS 1.0/1.1 handshake was accepted",
                                  t.where);
            f.evidence = std::move(evidence);
            out.push_back(std::move(f));
            return;
        }
        evidence.emplace_back("observed", observed);
        // Before the deprecation began, 1.0/1.1 still worked with Microsoft 365: warn only.
        const bool deprecated = context.now >= utc_date(2020, 10, 15);
        out.push_back(make_finding(
            info(), deprecated ? Status::fail : Status::warn, subject,
            subject + " speaks " + observed +
                (deprecated ? ": Microsoft 365 / Teams federation refuses TLS 1.0/1.1 since 15 "
                              "October 2020"
                            : ": Microsoft 365 deprecates TLS 1.0/1.1 from 15 October 2020"),
            t.where, evidence));
    }
};

}  // namespace

std::unique_ptr<Check> make_federation_tls12_live_check() {
    return std::make_unique<FederationTls12LiveCheck>();
}

}  // namespace edgeplan::checks::certificates_live
