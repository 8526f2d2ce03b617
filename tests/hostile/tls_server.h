#pragma once
// A real TLS server (OpenSSL) presenting a chosen chain, as a StreamPeer handler: it completes
// the handshake, reads what the client sends for a moment (the SIP OPTIONS) and closes. Used for
// the chains that are well-formed TLS but odd or huge certificates.
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <memory>
#include <stdexcept>

#include "tests/hostile/odd_certificates.h"
#include "tests/hostile/stream_peer.h"

namespace edgeplan::hostile_test {

struct SslCtxFree {
    void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
using SslCtx = std::shared_ptr<SSL_CTX>;

// A server context presenting `chain` (leaf, then the intermediates as given; the root is not
// sent). No automatic chain building: the client sees exactly this list.
inline SslCtx server_context(const Chain& chain) {
    SslCtx ctx(SSL_CTX_new(TLS_server_method()), SslCtxFree{});
    if (!ctx || SSL_CTX_use_certificate(ctx.get(), chain.leaf.cert.get()) != 1 ||
        SSL_CTX_use_PrivateKey(ctx.get(), chain.leaf.key.get()) != 1) {
        throw std::runtime_error("server context");
    }
    for (const auto& i : chain.intermediates) {
        if (SSL_CTX_add1_chain_cert(ctx.get(), i.cert.get()) != 1) {
            throw std::runtime_error("chain certificate");
        }
    }
    SSL_CTX_set_mode(ctx.get(), SSL_MODE_NO_AUTO_CHAIN);
    return ctx;
}

// Handler: one TLS session over `fd`, every blocking call bounded by 3 s socket timeouts.
inline StreamPeer::Handler serve_tls(SslCtx ctx) {
    return [ctx](int fd, const StreamPeer& peer) {
        timeval limit{3, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
        SSL* ssl = SSL_new(ctx.get());
        SSL_set_fd(ssl, fd);
        if (SSL_accept(ssl) == 1) {
            char buffer[4096];
            // The SIP OPTIONS, if any; then close without answering (the prober reports it).
            if (!peer.stopping()) SSL_read(ssl, buffer, sizeof buffer);
            SSL_shutdown(ssl);
        }
        SSL_free(ssl);
    };
}

}  // namespace edgeplan::hostile_test
