#pragma once
// A TLS client over an already connected, non-blocking descriptor (internal to checks/probes),
// shared by the TLS prober and the XMPP STARTTLS prober. It accepts any server certificate and
// keeps the chain as presented: verification is the certificate rules' job, not the handshake's
// (checks/certificates/certificate_rules.h). OpenSSL stays in tls_client_openssl.cpp.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "checks/probes/stream_socket.h"
#include "checks/probes/tls_observation.h"

namespace edgeplan::checks::probes {

// Bound on what a server may present: the Certificate message may hold at most this many
// bytes (OpenSSL's default, set explicitly; a larger one fails the handshake with "excessive
// message size"). At most kMaxChainCertificates of it are kept (tls_observation.h).
inline constexpr long kMaxCertificateListBytes = 100 * 1024;

struct TlsClientConfig {
    std::string sni;               // server name sent in the ClientHello; empty = none
    std::string client_cert_file;  // PEM chain presented when asked (mutual TLS on 5061)
    std::string client_key_file;   // PEM key; empty = in client_cert_file
    // Offer only TLS 1.0 and 1.1, at security level 0, to learn whether the server still
    // accepts them.
    bool legacy_only = false;
};

struct TlsHandshake {
    bool ok = false;
    std::string error;       // OpenSSL's reason or the alert the server sent
    bool timed_out = false;  // the deadline passed while waiting for the server
    std::string protocol;    // "TLSv1.3"
    std::string cipher;      // "TLS_AES_256_GCM_SHA384"
    std::vector<std::vector<std::uint8_t>> peer_chain;  // DER, leaf first, as presented
    bool server_hello_seen = false;
    bool client_cert_requested = false;  // the server sent a CertificateRequest
    bool client_cert_presented = false;
};

class TlsClient {
  public:
    // Throws std::runtime_error when the client certificate or key cannot be loaded.
    TlsClient(int fd, const TlsClientConfig& config);
    ~TlsClient();
    TlsClient(const TlsClient&) = delete;
    TlsClient& operator=(const TlsClient&) = delete;

    TlsHandshake handshake(SteadyClock::time_point deadline);
    IoResult write_all(const std::string& data, SteadyClock::time_point deadline);
    // Appends at most `max_bytes`; closed on close_notify or EOF, error with the alert text.
    IoResult read_some(std::string& buffer, std::size_t max_bytes,
                       SteadyClock::time_point deadline);
    // True when the last read failed on the server's certificate_required / handshake_failure /
    // bad_certificate alert (TLS 1.3 servers send it after the client's Finished).
    bool client_certificate_rejected() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace edgeplan::checks::probes
