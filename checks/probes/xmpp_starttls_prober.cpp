// Live XMPP prober: stream header, features, STARTTLS (RFC 6120 sections 4 and 5), then the TLS
// handshake with SNI = the XMPP domain over the same connection.
#include <csignal>

#include "checks/probes/stream_socket.h"
#include "checks/probes/tls_client.h"
#include "checks/probes/xmpp_prober.h"

namespace edgeplan::checks::probes {
namespace {

class XmppStartTlsProber final : public XmppProber {
  public:
    explicit XmppStartTlsProber(XmppProberOptions options) : options_(options) {}

    std::vector<XmppObservation> probe(const std::vector<XmppProbe>& probes) override {
        std::vector<XmppObservation> observations;
        for (const auto& p : probes) {
            const auto start = SteadyClock::now();
            XmppObservation o;
            o.probe = p;
            run(p, o);
            o.elapsed_ms = elapsed_ms(start, SteadyClock::now());
            observations.push_back(std::move(o));
        }
        return observations;
    }

  private:
    SteadyClock::time_point deadline() const { return SteadyClock::now() + options_.timeout; }

    // Reads until the reader yields a top-level element, the stream ends or a bound is hit.
    // On failure sets the outcome and returns nullopt.
    std::optional<XmlElement> next_element(int fd, XmppStreamReader& reader, XmppObservation& o,
                                           const char* waiting_for) {
        const auto until = deadline();
        for (int round = 0; round < 4096; ++round) {
            if (auto element = reader.pop_element()) return element;
            if (reader.state() == XmppStreamReader::State::failed) {
                o.outcome = reader.limit_exceeded() ? XmppOutcome::limit_exceeded
                            : reader.header_seen()  ? XmppOutcome::stream_error
                                                    : XmppOutcome::no_stream;
                o.detail = reader.error();
                return std::nullopt;
            }
            if (reader.stream_closed()) {
                o.outcome = XmppOutcome::stream_error;
                o.detail = std::string("the peer closed the stream before ") + waiting_for;
                return std::nullopt;
            }
            std::string bytes;
            const IoResult r = receive_some(fd, bytes, options_.limits.max_bytes, until);
            if (r.status == IoStatus::ok) {
                reader.feed(bytes);
                continue;
            }
            if (!reader.header_seen()) {
                o.outcome = XmppOutcome::no_stream;
            } else {
                // A peer that keeps the stream open (or trickles) without the element.
                o.outcome = r.status == IoStatus::timeout ? XmppOutcome::limit_exceeded
                                                          : XmppOutcome::stream_error;
            }
            o.detail = std::string("waiting for ") + waiting_for + ": " + r.detail;
            return std::nullopt;
        }
        o.outcome = XmppOutcome::limit_exceeded;
        o.detail = std::string("too many reads waiting for ") + waiting_for;
        return std::nullopt;
    }

    void read_features(const XmlElement& features, XmppObservation& o) {
        if (const XmlElement* starttls = features.child(kNsTls, "starttls")) {
            o.starttls_offered = true;
            o.starttls_required = starttls->child(kNsTls, "required") != nullptr;
        }
        o.dialback_offered = features.child(kNsDialbackFeature, "dialback") != nullptr;
        if (const XmlElement* mechanisms = features.child(kNsSasl, "mechanisms")) {
            for (const auto& m : mechanisms->children) {
                if (m.name != "mechanism") continue;
                o.sasl_mechanisms.push_back(m.text);
                if (m.text == "EXTERNAL") o.sasl_external_offered = true;
            }
        }
    }

    void run(const XmppProbe& p, XmppObservation& o) {
        IoResult connected;
        UniqueFd fd = connect_stream(p.address, p.port, deadline(), connected);
        if (!fd) {
            o.outcome = XmppOutcome::connect_failed;
            o.detail = connected.detail;
            return;
        }
        const IoResult sent = send_all(fd.get(), xmpp_stream_header(p.domain), deadline());
        if (sent.status != IoStatus::ok) {
            o.outcome = XmppOutcome::no_stream;
            o.detail = "sending the stream header: " + sent.detail;
            return;
        }
        XmppStreamReader reader(options_.limits);
        auto first = next_element(fd.get(), reader, o, "<stream:features>");
        if (reader.header_seen()) {
            o.stream_from = reader.header().attribute("from");
            o.stream_id = reader.header().attribute("id");
            o.stream_version = reader.header().attribute("version");
        }
        if (!first) return;
        if (first->ns == kNsStreams && first->name == "error") {
            o.outcome = XmppOutcome::stream_error;
            o.stream_error = first->children.empty() ? "" : first->children.front().name;
            o.detail = "stream error " + o.stream_error;
            return;
        }
        if (first->ns != kNsStreams || first->name != "features") {
            o.outcome = XmppOutcome::stream_error;
            o.detail = "expected <stream:features>, got <" + first->name + ">";
            return;
        }
        read_features(*first, o);
        o.outcome = XmppOutcome::features_read;
        if (!o.starttls_offered) return;
        if (send_all(fd.get(), kStartTls, deadline()).status != IoStatus::ok) {
            o.outcome = XmppOutcome::starttls_refused;
            o.detail = "sending <starttls/> failed";
            return;
        }
        auto answer = next_element(fd.get(), reader, o, "<proceed/>");
        if (!answer) {
            if (o.outcome == XmppOutcome::stream_error || o.outcome == XmppOutcome::no_stream) {
                o.outcome = XmppOutcome::starttls_refused;
            }
            return;
        }
        if (answer->ns != kNsTls || answer->name != "proceed") {
            o.outcome = XmppOutcome::starttls_refused;
            o.detail = "answer to <starttls/> was <" + answer->name + ">";
            return;
        }
        TlsClientConfig config;
        config.sni = p.domain;
        TlsClient client(fd.get(), config);
        const TlsHandshake h = client.handshake(deadline());
        o.peer_chain = h.peer_chain;
        o.tls_protocol = h.protocol;
        o.tls_cipher = h.cipher;
        if (!h.ok) {
            o.outcome = XmppOutcome::tls_failed;
            o.detail = h.error;
            return;
        }
        o.outcome = XmppOutcome::tls_negotiated;
    }

    XmppProberOptions options_;
};

}  // namespace

std::unique_ptr<XmppProber> make_xmpp_starttls_prober(XmppProberOptions options) {
    // OpenSSL's socket BIO writes with write(2): a peer that closes mid-handshake would raise
    // SIGPIPE and end the whole run. A closed peer is evidence, so the signal is ignored.
    std::signal(SIGPIPE, SIG_IGN);
    return std::make_unique<XmppStartTlsProber>(options);
}

}  // namespace edgeplan::checks::probes
