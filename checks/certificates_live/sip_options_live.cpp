#include "checks/certificates_live/sip_options_live.h"

#include "checks/certificates_live/tls_targets.h"
#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks::certificates_live {
namespace {

using topology::CertificateUse;

CheckInfo sip_options_info() {
    return {"PORT-EXT-15",
            "A SIP server answers OPTIONS over TLS on the Access Edge client and federation ports",
            "ports",
            CheckKind::tls,
            Severity::must,
            {"S1", "S2", "S3", "S4", "S5", "EXT", "FED"},
            {cite("PS-S1"),
             cite("PS-S2"),
             cite("PS-S3"),
             cite("PS-S4"),
             cite("PS-S5"),
             {"RFC 3261", "RFC 3261 section 11 (querying for capabilities: OPTIONS)"}},
            "Point the port (or the load balancer VIP) at the Access Edge service, not at "
            "another TLS server"};
}

std::vector<TlsTarget> access_targets(const CheckContext& context) {
    std::vector<TlsTarget> out;
    for (const TlsTarget& t : tls_targets(context, CertificateUse::external)) {
        if (t.role == TlsRole::access_client || t.role == TlsRole::access_federation) {
            out.push_back(t);
        }
    }
    return out;
}

class SipOptionsLiveCheck final : public Check {
  public:
    SipOptionsLiveCheck() : info_(sip_options_info()) {}
    const CheckInfo& info() const override { return info_; }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        request_tls(context, CertificateUse::external, requests);
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const auto targets = access_targets(context);
        if (targets.empty()) return {not_applicable(info_, "the plan has no Access Edge port")};
        if (auto skip = tls_not_probed(info_, context, CertificateUse::external)) return {*skip};
        std::vector<Finding> out;
        for (const TlsTarget& t : targets) judge(context, t, out);
        return out;
    }

  private:
    void judge(const CheckContext& context, const TlsTarget& t, std::vector<Finding>& out) const {
        const probes::TlsObservation* o = reached_tls(info_, context, t, out);
        if (!o) return;
        const std::string subject = tls_subject(t);
        Evidence evidence = target_evidence(t);
        evidence.emplace_back("sip_outcome", probes::to_string(o->sip_outcome));
        if (!o->protocol.empty()) evidence.emplace_back("tls_version", o->protocol);
        const Status fail = violation_status(info_);
        switch (o->sip_outcome) {
            case probes::SipOutcome::answered:
                evidence.emplace_back("observed", o->sip_status_line);
                // Any SIP response (even 403 or 404) proves a SIP server behind the port.
                out.push_back(make_finding(info_, Status::pass, subject,
                                           "a SIP server answered OPTIONS: " + o->sip_status_line,
                                           t.where, evidence));
                return;
            case probes::SipOutcome::skipped_client_cert_required: {
                evidence.emplace_back("observed", "client certificate required (mutual TLS)");
                Finding f = make_skip(info_, subject, "client_cert_required",
                                      "the server insists on a client certificate (mutual TLS) "
                                      "and none was given; pass --client-cert to send OPTIONS",
                                      t.where);
                f.evidence = std::move(evidence);
                out.push_back(std::move(f));
                return;
            }
            case probes::SipOutcome::silent:
                evidence.emplace_back("observed", "no answer: " + o->sip_detail);
                out.push_back(make_finding(info_, fail, subject,
                                           "no SIP answer to OPTIONS before the timeout", t.where,
                                           evidence));
                return;
            case probes::SipOutcome::closed:
                evidence.emplace_back("observed", "closed: " + o->sip_detail);
                out.push_back(make_finding(info_, fail, subject,
                                           "the server closed the connection without a SIP answer",
                                           t.where, evidence));
                return;
            case probes::SipOutcome::non_sip:
                evidence.emplace_back("observed", "non-SIP answer: " + o->sip_detail);
                out.push_back(make_finding(info_, fail, subject,
                                           "the answer to OPTIONS is not SIP (another TLS server "
                                           "is behind the port?): " +
                                               o->sip_detail,
                                           t.where, evidence));
                return;
            case probes::SipOutcome::not_attempted:
                break;
        }
        if (o->client_cert_required_failure) {
            evidence.emplace_back("observed", "client certificate required (mutual TLS)");
            Finding f = make_skip(info_, subject, "client_cert_required",
                                  "the server insists on a client certificate; pass --client-cert",
                                  t.where);
            f.evidence = std::move(evidence);
            out.push_back(std::move(f));
            return;
        }
        evidence.emplace_back("observed", "TLS failed: " + o->error);
        out.push_back(make_finding(info_, fail, subject,
                                   "no SIP over TLS: the TLS handshake failed (" + o->error + ")",
                                   t.where, evidence));
    }

    CheckInfo info_;
};

}  // namespace

std::unique_ptr<Check> make_sip_options_live_check() {
    return std::make_unique<SipOptionsLiveCheck>();
}

}  // namespace edgeplan::checks::certificates_live
