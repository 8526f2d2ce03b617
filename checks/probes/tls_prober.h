#pragma once
// TLS to the Edge's external endpoints (catalogue CERT-EXT-*, PORT-EXT-05/06/08): handshake with
// SNI, the presented chain, protocol and cipher, whether the server asks for (or insists on) a
// client certificate, whether TLS 1.0/1.1 is still accepted, and a SIP OPTIONS round trip.
// Live backend: openssl_tls_prober.cpp. The certificate rules judge the chain afterwards
// (checks/certificates/certificate_rules.h); the prober never rejects a certificate.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "checks/probes/tls_observation.h"

namespace edgeplan::checks::probes {

class TlsProber {
  public:
    virtual ~TlsProber() = default;
    // One observation per probe, in order. Never throws for network conditions.
    virtual std::vector<TlsObservation> probe(const std::vector<TlsProbe>& probes) = 0;
};

struct TlsProberOptions {
    // Presented when a server asks (mutual TLS on 5061, `--client-cert FILE`): PEM chain and key
    // (the key may be in the same file).
    std::string client_cert_file;
    std::string client_key_file;
    // Each operation (connect, handshake, SIP write, SIP read) has its own deadline this long;
    // the handshake has one deadline however slowly the server trickles bytes, and after a
    // timed-out handshake the legacy handshake is not tried. A presented chain is bounded by
    // kMaxCertificateListBytes and kMaxChainCertificates (tls_client.h).
    std::chrono::milliseconds timeout{5000};
    // After a handshake in which the server asked for a client certificate and got none, wait
    // this long for a rejecting alert (TLS 1.3 sends it after the client's Finished).
    std::chrono::milliseconds rejection_wait{500};
};

// Throws std::runtime_error at construction when the client certificate cannot be loaded.
// One blocking session per probe, one probe after another (callers run it on threads).
std::unique_ptr<TlsProber> make_openssl_tls_prober(TlsProberOptions options = {});

// All probes of one call in flight together (at most `max_in_flight` and the open-file limit),
// on the calling thread: non-blocking connects and handshakes on one epoll set, one SSL_CTX per
// prober. Same observations as make_openssl_tls_prober; probes with send_sip_options go to it.
// Throws std::runtime_error at construction when the client certificate cannot be loaded.
std::unique_ptr<TlsProber> make_epoll_tls_prober(TlsProberOptions options = {},
                                                 std::size_t max_in_flight = 8192);

}  // namespace edgeplan::checks::probes
