#include "checks/certificates_live/xmpp_starttls_live.h"

#include "checks/certificates_live/tls_targets.h"
#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks::certificates_live {
namespace {

const char* yes_no(bool value) { return value ? "yes" : "no"; }

CheckInfo xmpp_starttls_info() {
    return {"XMPP-17",
            "The XMPP proxy on 5269 offers STARTTLS and negotiates it (dialback and SASL "
            "EXTERNAL are reported)",
            "xmpp",
            CheckKind::xmpp,
            Severity::must,
            {"XMPP"},
            {cite("XMPP-NEG"),
             cite("SETUP-XMPP"),
             {"RFC 6120", "RFC 6120 section 5 (STARTTLS negotiation)"}},
            "Start the XMPP Translating Gateway Proxy on the Edge and assign its certificate"};
}

class XmppStartTlsLiveCheck final : public Check {
  public:
    XmppStartTlsLiveCheck() : info_(xmpp_starttls_info()) {}
    const CheckInfo& info() const override { return info_; }

    void request(const CheckContext& context, probes::ProbeRequests& requests) const override {
        request_xmpp(context, requests);
    }

    std::vector<Finding> evaluate(const CheckContext& context) const override {
        const auto targets = xmpp_targets(context);
        if (targets.empty()) {
            return {no_xmpp_endpoint(info_, context)};
        }
        if (auto skip = tls_not_probed(info_, context, topology::CertificateUse::external)) {
            return {*skip};
        }
        std::vector<Finding> out;
        for (const XmppTarget& t : targets) judge(context, t, out);
        return out;
    }

  private:
    void judge(const CheckContext& context, const XmppTarget& t, std::vector<Finding>& out) const {
        const probes::XmppObservation* o = reached_xmpp(info_, context, t, out);
        if (!o) return;
        const std::string subject = xmpp_subject(context, t);
        Evidence evidence = target_evidence(t);
        evidence.emplace_back("xmpp_outcome", probes::to_string(o->outcome));
        evidence.emplace_back("starttls", std::string(yes_no(o->starttls_offered)) +
                                              (o->starttls_required ? " (required)" : ""));
        evidence.emplace_back("dialback", yes_no(o->dialback_offered));
        evidence.emplace_back("sasl_external", yes_no(o->sasl_external_offered));
        if (!o->sasl_mechanisms.empty()) {
            evidence.emplace_back("sasl_mechanisms", join(o->sasl_mechanisms));
        }
        if (!o->stream_from.empty()) evidence.emplace_back("stream_from", o->stream_from);
        if (!o->tls_protocol.empty()) evidence.emplace_back("tls_version", o->tls_protocol);
        const std::string offers = std::string("dialback ") + yes_no(o->dialback_offered) +
                                   ", SASL EXTERNAL " + yes_no(o->sasl_external_offered);
        const Status fail = violation_status(info_);
        std::string why;
        switch (o->outcome) {
            case probes::XmppOutcome::tls_negotiated:
                out.push_back(make_finding(
                    info_, Status::pass, subject,
                    "STARTTLS offered and negotiated (" + o->tls_protocol + "); " + offers, t.where,
                    evidence));
                return;
            case probes::XmppOutcome::features_read:
                why = o->starttls_offered ? "STARTTLS offered but not negotiated"
                                          : "the stream features do not offer STARTTLS";
                break;
            case probes::XmppOutcome::starttls_refused:
                why = "STARTTLS was refused";
                break;
            case probes::XmppOutcome::tls_failed:
                why = "the TLS handshake after <proceed/> failed";
                break;
            case probes::XmppOutcome::connect_failed:
                why = "the connection failed";
                break;
            case probes::XmppOutcome::no_stream:
                why = "no jabber:server stream came back (not an XMPP server?)";
                break;
            case probes::XmppOutcome::stream_error:
                why = "stream error " + o->stream_error;
                break;
            case probes::XmppOutcome::limit_exceeded:
                why = "the stream exceeded the size or time bound before its features";
                break;
        }
        if (!o->detail.empty()) evidence.emplace_back("observed", o->detail);
        out.push_back(make_finding(info_, fail, subject, why + "; " + offers, t.where, evidence));
    }

    CheckInfo info_;
};

}  // namespace

std::unique_ptr<Check> make_xmpp_starttls_live_check() {
    return std::make_unique<XmppStartTlsLiveCheck>();
}

}  // namespace edgeplan::checks::certificates_live
