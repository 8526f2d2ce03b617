// What both OpenSSL TLS clients share (tls_client_openssl.cpp, one blocking handshake;
// epoll_tls_prober.cpp, thousands at once): how a client context is set up, how the presented
// chain and the handshake messages are captured, and how a failed SSL call is put into words.
// One definition, so the two probers observe and report a server exactly alike. OpenSSL types
// appear here: include it only from those two files.
#pragma once
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstdint>
#include <string>
#include <vector>

#include "checks/probes/stream_socket.h"

namespace edgeplan::checks::probes {

// The OpenSSL error queue, emptied, as "; "-separated text (at most 8 entries).
std::string error_queue_text();

// Sets up a client context: every chain accepted (the rules judge it, so nothing is refused
// here), a bound on the server's certificate list, the versions offered (TLS 1.2 and later;
// `legacy`: TLS 1.0 and 1.1 only, at security level 0) and the client certificate, if any.
// Throws std::runtime_error naming the file when the client certificate or key cannot be used.
void configure_client_context(SSL_CTX* ctx, bool legacy, const std::string& client_cert_file,
                              const std::string& client_key_file);

// The chain exactly as the server presented it (DER, leaf first, at most kMaxChainCertificates);
// the leaf alone when OpenSSL kept no untrusted list.
std::vector<std::vector<std::uint8_t>> presented_chain(X509_STORE_CTX* store);

// What the message callback saw of one handshake: the server's hello, its CertificateRequest
// and the last alert it sent.
struct HandshakeMessages {
    bool server_hello_seen = false;
    bool client_cert_requested = false;
    int last_alert = -1;  // alert description, -1 = none
};
// Records one message the server sent (decrypted, also in TLS 1.3); what we send is ignored.
void note_server_message(HandshakeMessages& seen, int write_p, int content_type, const void* buf,
                         std::size_t len);

// Why an SSL call failed with `ssl_error` (SSL_get_error, neither WANT_READ nor WANT_WRITE), in
// the words every TLS finding uses: the server's alert first, then OpenSSL's error queue.
IoResult handshake_failure(int ssl_error, int last_alert);

// Whether the server's alert says it refused our (missing or unknown) client certificate:
// certificate_required (116, TLS 1.3), handshake_failure (40), bad_certificate (42).
bool rejects_client_certificate(int alert);

}  // namespace edgeplan::checks::probes
