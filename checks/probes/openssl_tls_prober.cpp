// Live TLS prober over TlsClient (tls_client.h): one connection for the certificate, protocol
// and SIP OPTIONS, and one more offering only TLS 1.0/1.1 when asked.
#include <csignal>
#include <random>
#include <stdexcept>

#include "checks/probes/sip_response.h"
#include "checks/probes/stream_socket.h"
#include "checks/probes/tls_client.h"
#include "checks/probes/tls_prober.h"

namespace edgeplan::checks::probes {
namespace {

std::string random_token() {
    static const char* digits = "0123456789abcdef";
    std::random_device device;
    std::string token;
    for (int i = 0; i < 16; ++i) token += digits[device() % 16];
    return token;
}

class OpenSslTlsProber final : public TlsProber {
  public:
    explicit OpenSslTlsProber(TlsProberOptions options) : options_(std::move(options)) {
        if (!options_.client_cert_file.empty()) {
            // Fail early (a usage error) rather than once per endpoint.
            TlsClient check(-1, config(""));  // never connected: loads the files only
        }
    }

    std::vector<TlsObservation> probe(const std::vector<TlsProbe>& probes) override {
        std::vector<TlsObservation> observations;
        for (const TlsProbe& p : probes) observations.push_back(probe_one(p));
        return observations;
    }

  private:
    TlsClientConfig config(const std::string& sni, bool legacy = false) const {
        TlsClientConfig c;
        c.sni = sni;
        c.client_cert_file = options_.client_cert_file;
        c.client_key_file = options_.client_key_file;
        c.legacy_only = legacy;
        return c;
    }

    SteadyClock::time_point deadline() const { return SteadyClock::now() + options_.timeout; }

    TlsObservation probe_one(const TlsProbe& p) {
        const auto start = SteadyClock::now();
        TlsObservation o;
        o.probe = p;
        IoResult connected;
        UniqueFd fd = connect_stream(p.address, p.port, deadline(), connected);
        o.connected = static_cast<bool>(fd);
        bool silent = false;
        if (!fd) {
            o.error = connected.detail;
        } else {
            silent = session(fd.get(), p, o);
        }
        // A server that let the modern handshake time out would let the legacy one time out
        // too: skip it (legacy_tls_accepted stays unknown) so one silent or dripping endpoint
        // costs one timeout, not two.
        if (p.check_legacy_tls && o.connected && !silent) legacy(p, o);
        o.elapsed_ms = elapsed_ms(start, SteadyClock::now());
        return o;
    }

    // True when the handshake timed out (the server never completed its side).
    bool session(int fd, const TlsProbe& p, TlsObservation& o) {
        TlsClient client(fd, config(p.sni));
        const TlsHandshake h = client.handshake(deadline());
        o.handshake_ok = h.ok;
        o.error = h.error;
        o.protocol = h.protocol;
        o.cipher = h.cipher;
        o.peer_chain = h.peer_chain;
        o.client_cert_requested = h.client_cert_requested;
        o.client_cert_presented = h.client_cert_presented;
        const bool without_cert = h.client_cert_requested && !h.client_cert_presented;
        if (!h.ok) {
            // TLS 1.2: the server's refusal ends the handshake itself.
            o.client_cert_required_failure = without_cert;
            if (without_cert && p.send_sip_options) {
                o.sip_outcome = SipOutcome::skipped_client_cert_required;
            }
            return h.timed_out;
        }
        std::string received;
        if (without_cert) {
            // TLS 1.3: the refusal (certificate_required) follows the handshake; wait briefly.
            const IoResult r = client.read_some(received, kMaxSipHeadBytes,
                                                SteadyClock::now() + options_.rejection_wait);
            if (r.status != IoStatus::ok && r.status != IoStatus::timeout &&
                client.client_certificate_rejected()) {
                o.handshake_ok = false;
                o.client_cert_required_failure = true;
                o.error = r.detail;
                if (p.send_sip_options) o.sip_outcome = SipOutcome::skipped_client_cert_required;
                return false;
            }
        }
        if (p.send_sip_options) sip_options(client, fd, p, o, received);
        return false;
    }

    void sip_options(TlsClient& client, int fd, const TlsProbe& p, TlsObservation& o,
                     std::string received) {
        const std::string target = p.sni.empty() ? p.address : p.sni;
        const std::string token = random_token();
        const IoResult sent = client.write_all(
            build_sip_options(target, p.port, local_endpoint(fd), token), deadline());
        if (sent.status != IoStatus::ok) {
            o.sip_outcome =
                sent.status == IoStatus::timeout ? SipOutcome::silent : SipOutcome::closed;
            o.sip_detail = "sending OPTIONS: " + sent.detail;
            return;
        }
        const auto until = deadline();
        for (int round = 0; round < 256; ++round) {
            const SipParseResult parsed = parse_sip_response(received);
            if (parsed.state == SipParse::not_sip) {
                o.sip_outcome = SipOutcome::non_sip;
                o.sip_detail = parsed.error;
                return;
            }
            if (parsed.state == SipParse::complete || !parsed.head.status_line.empty()) {
                if (parsed.state == SipParse::complete) {
                    o.sip_outcome = SipOutcome::answered;
                    o.sip_status_line = parsed.head.status_line;
                    o.sip_status_code = parsed.head.status_code;
                    return;
                }
            }
            if (received.size() >= kMaxSipHeadBytes) break;
            const IoResult r =
                client.read_some(received, kMaxSipHeadBytes - received.size(), until);
            if (r.status == IoStatus::ok) continue;
            // The status line alone proves a SIP server, even if the rest never came.
            const SipParseResult last = parse_sip_response(received);
            if (!last.head.status_line.empty()) {
                o.sip_outcome = SipOutcome::answered;
                o.sip_status_line = last.head.status_line;
                o.sip_status_code = last.head.status_code;
                o.sip_detail = "headers incomplete: " + r.detail;
            } else if (!received.empty()) {
                o.sip_outcome = SipOutcome::non_sip;
                o.sip_detail = "incomplete answer: " + r.detail;
            } else {
                o.sip_outcome =
                    r.status == IoStatus::timeout ? SipOutcome::silent : SipOutcome::closed;
                o.sip_detail = r.detail;
            }
            return;
        }
        o.sip_outcome = SipOutcome::non_sip;
        o.sip_detail = "no complete SIP status line within the size limit";
    }

    // A second connection offering only TLS 1.0 and 1.1 (a warning when the server accepts).
    void legacy(const TlsProbe& p, TlsObservation& o) {
        IoResult connected;
        UniqueFd fd = connect_stream(p.address, p.port, deadline(), connected);
        if (!fd) return;  // unknown, not "refused"
        TlsClient client(fd.get(), config(p.sni, true));
        const TlsHandshake h = client.handshake(deadline());
        // A ServerHello with a legacy version means the server took it, even if the handshake
        // later fails on the missing client certificate.
        const bool accepted =
            h.server_hello_seen && (h.protocol == "TLSv1" || h.protocol == "TLSv1.1");
        o.legacy_tls_accepted = accepted;
        if (accepted) o.legacy_protocol = h.protocol;
    }

    TlsProberOptions options_;
};

}  // namespace

std::unique_ptr<TlsProber> make_openssl_tls_prober(TlsProberOptions options) {
    // OpenSSL's socket BIO writes with write(2): a peer that closes mid-handshake would raise
    // SIGPIPE and end the whole run. A closed peer is evidence, so the signal is ignored.
    std::signal(SIGPIPE, SIG_IGN);
    return std::make_unique<OpenSslTlsProber>(std::move(options));
}

}  // namespace edgeplan::checks::probes
