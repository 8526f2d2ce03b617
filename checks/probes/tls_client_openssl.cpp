// OpenSSL implementation of TlsClient (tls_client.h).
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>

#include <stdexcept>

#include "checks/probes/tls_client.h"
#include "checks/probes/tls_openssl_handshake.h"

namespace edgeplan::checks::probes {
namespace {

int ex_index() {
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

}  // namespace

struct TlsClient::Impl {
    SSL_CTX* ctx = nullptr;
    SSL* ssl = nullptr;
    TlsHandshake state;
    HandshakeMessages seen;

    ~Impl() {
        if (ssl) SSL_free(ssl);
        if (ctx) SSL_CTX_free(ctx);
    }

    // Records the chain exactly as the server presented it and accepts it: the rules judge it.
    static int keep_chain(X509_STORE_CTX* store, void* arg) {
        static_cast<Impl*>(arg)->state.peer_chain = presented_chain(store);
        return 1;
    }

    // Sees handshake messages (decrypted, also in TLS 1.3) and alerts.
    static void watch(int write_p, int, int content_type, const void* buf, size_t len, SSL* ssl,
                      void*) {
        auto* self = static_cast<Impl*>(SSL_get_ex_data(ssl, ex_index()));
        if (self != nullptr) note_server_message(self->seen, write_p, content_type, buf, len);
    }

    IoResult wait(int code, SteadyClock::time_point deadline) {
        const int fd = SSL_get_fd(ssl);
        const int error = SSL_get_error(ssl, code);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
            const IoStatus status =
                wait_for(fd, error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline);
            if (status == IoStatus::ok) return {};
            return {status, "timed out"};
        }
        return handshake_failure(error, seen.last_alert);
    }
};

TlsClient::TlsClient(int fd, const TlsClientConfig& config) : impl_(std::make_unique<Impl>()) {
    impl_->ctx = SSL_CTX_new(TLS_client_method());
    if (!impl_->ctx) throw std::runtime_error("SSL_CTX_new: " + error_queue_text());
    SSL_CTX_set_cert_verify_callback(impl_->ctx, &Impl::keep_chain, impl_.get());
    SSL_CTX_set_msg_callback(impl_->ctx, &Impl::watch);
    configure_client_context(impl_->ctx, config.legacy_only, config.client_cert_file,
                             config.client_key_file);
    impl_->ssl = SSL_new(impl_->ctx);
    if (!impl_->ssl) throw std::runtime_error("SSL_new: " + error_queue_text());
    SSL_set_ex_data(impl_->ssl, ex_index(), impl_.get());
    SSL_set_fd(impl_->ssl, fd);
    if (!config.sni.empty()) SSL_set_tlsext_host_name(impl_->ssl, config.sni.c_str());
}

TlsClient::~TlsClient() = default;

TlsHandshake TlsClient::handshake(SteadyClock::time_point deadline) {
    ERR_clear_error();
    for (int round = 0; round < 1000; ++round) {
        const int code = SSL_connect(impl_->ssl);
        if (code == 1) {
            impl_->state.ok = true;
            break;
        }
        const IoResult waited = impl_->wait(code, deadline);
        if (waited.status != IoStatus::ok) {
            impl_->state.error = waited.detail;
            impl_->state.timed_out = waited.status == IoStatus::timeout;
            break;
        }
    }
    if (!impl_->state.ok && impl_->state.error.empty())
        impl_->state.error = "handshake did not end";
    impl_->state.server_hello_seen = impl_->seen.server_hello_seen;
    impl_->state.client_cert_requested = impl_->seen.client_cert_requested;
    if (impl_->state.server_hello_seen) {
        impl_->state.protocol = SSL_get_version(impl_->ssl);
        if (const SSL_CIPHER* cipher = SSL_get_current_cipher(impl_->ssl)) {
            impl_->state.cipher = SSL_CIPHER_get_name(cipher);
        }
    }
    impl_->state.client_cert_presented =
        impl_->state.client_cert_requested && SSL_get_certificate(impl_->ssl) != nullptr;
    ERR_clear_error();
    return impl_->state;
}

IoResult TlsClient::write_all(const std::string& data, SteadyClock::time_point deadline) {
    std::size_t written = 0;
    for (int round = 0; round < 10000 && written < data.size(); ++round) {
        const int code =
            SSL_write(impl_->ssl, data.data() + written, static_cast<int>(data.size() - written));
        if (code > 0) {
            written += static_cast<std::size_t>(code);
            continue;
        }
        const IoResult waited = impl_->wait(code, deadline);
        if (waited.status != IoStatus::ok) return waited;
    }
    return written == data.size() ? IoResult{} : IoResult{IoStatus::error, "write incomplete"};
}

IoResult TlsClient::read_some(std::string& buffer, std::size_t max_bytes,
                              SteadyClock::time_point deadline) {
    char chunk[4096];
    for (int round = 0; round < 1000; ++round) {
        const int want = static_cast<int>(std::min(max_bytes, sizeof chunk));
        if (want <= 0) return {IoStatus::error, "buffer limit reached"};
        const int code = SSL_read(impl_->ssl, chunk, want);
        if (code > 0) {
            buffer.append(chunk, static_cast<std::size_t>(code));
            return {};
        }
        const IoResult waited = impl_->wait(code, deadline);
        if (waited.status != IoStatus::ok) return waited;
    }
    return {IoStatus::timeout, "timed out"};
}

bool TlsClient::client_certificate_rejected() const {
    return rejects_client_certificate(impl_->seen.last_alert);
}

}  // namespace edgeplan::checks::probes
