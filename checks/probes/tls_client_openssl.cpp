// OpenSSL implementation of TlsClient (tls_client.h).
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>

#include <stdexcept>

#include "checks/probes/tls_client.h"

namespace edgeplan::checks::probes {
namespace {

std::string error_queue_text() {
    std::string text;
    for (int i = 0; i < 8; ++i) {
        const unsigned long code = ERR_get_error();
        if (code == 0) break;
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.empty()) text += "; ";
        text += buffer;
    }
    return text;
}

int ex_index() {
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

}  // namespace

struct TlsClient::Impl {
    SSL_CTX* ctx = nullptr;
    SSL* ssl = nullptr;
    TlsHandshake state;
    int last_alert = -1;  // alert description the server sent, -1 = none

    ~Impl() {
        if (ssl) SSL_free(ssl);
        if (ctx) SSL_CTX_free(ctx);
    }

    // Records the chain exactly as the server presented it and accepts it: the rules judge it.
    static int keep_chain(X509_STORE_CTX* store, void* arg) {
        auto* self = static_cast<Impl*>(arg);
        self->state.peer_chain.clear();
        STACK_OF(X509)* presented = X509_STORE_CTX_get0_untrusted(store);
        for (int i = 0; presented && i < sk_X509_num(presented) && i < kMaxChainCertificates; ++i) {
            unsigned char* der = nullptr;
            const int length = i2d_X509(sk_X509_value(presented, i), &der);
            if (length > 0) self->state.peer_chain.emplace_back(der, der + length);
            OPENSSL_free(der);
        }
        if (self->state.peer_chain.empty()) {
            unsigned char* der = nullptr;
            const int length = i2d_X509(X509_STORE_CTX_get0_cert(store), &der);
            if (length > 0) self->state.peer_chain.emplace_back(der, der + length);
            OPENSSL_free(der);
        }
        return 1;
    }

    // Sees handshake messages (decrypted, also in TLS 1.3) and alerts.
    static void watch(int write_p, int, int content_type, const void* buf, size_t len, SSL* ssl,
                      void*) {
        auto* self = static_cast<Impl*>(SSL_get_ex_data(ssl, ex_index()));
        if (self == nullptr || write_p || len < 1) return;
        const auto* bytes = static_cast<const unsigned char*>(buf);
        if (content_type == SSL3_RT_HANDSHAKE) {
            if (bytes[0] == SSL3_MT_SERVER_HELLO) self->state.server_hello_seen = true;
            if (bytes[0] == SSL3_MT_CERTIFICATE_REQUEST) self->state.client_cert_requested = true;
        } else if (content_type == SSL3_RT_ALERT && len >= 2) {
            self->last_alert = bytes[1];
        }
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
        if (error == SSL_ERROR_ZERO_RETURN) return {IoStatus::closed, "close_notify"};
        std::string text = error_queue_text();
        if (last_alert >= 0) {
            text = std::string("alert ") + SSL_alert_desc_string_long(last_alert) +
                   (text.empty() ? "" : " (" + text + ")");
        }
        if (error == SSL_ERROR_SYSCALL && text.empty()) {
            return {IoStatus::closed, "connection closed during TLS"};
        }
        return {IoStatus::error, text.empty() ? "TLS error" : text};
    }
};

TlsClient::TlsClient(int fd, const TlsClientConfig& config) : impl_(std::make_unique<Impl>()) {
    impl_->ctx = SSL_CTX_new(TLS_client_method());
    if (!impl_->ctx) throw std::runtime_error("SSL_CTX_new: " + error_queue_text());
    SSL_CTX_set_verify(impl_->ctx, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_cert_verify_callback(impl_->ctx, &Impl::keep_chain, impl_.get());
    SSL_CTX_set_msg_callback(impl_->ctx, &Impl::watch);
    SSL_CTX_set_max_cert_list(impl_->ctx, kMaxCertificateListBytes);
    if (config.legacy_only) {
        SSL_CTX_set_security_level(impl_->ctx, 0);
        SSL_CTX_set_min_proto_version(impl_->ctx, TLS1_VERSION);
        SSL_CTX_set_max_proto_version(impl_->ctx, TLS1_1_VERSION);
        SSL_CTX_set_cipher_list(impl_->ctx, "DEFAULT:@SECLEVEL=0");
    } else {
        SSL_CTX_set_min_proto_version(impl_->ctx, TLS1_2_VERSION);
    }
    if (!config.client_cert_file.empty()) {
        const std::string& key =
            config.client_key_file.empty() ? config.client_cert_file : config.client_key_file;
        if (SSL_CTX_use_certificate_chain_file(impl_->ctx, config.client_cert_file.c_str()) != 1 ||
            SSL_CTX_use_PrivateKey_file(impl_->ctx, key.c_str(), SSL_FILETYPE_PEM) != 1 ||
            SSL_CTX_check_private_key(impl_->ctx) != 1) {
            throw std::runtime_error("client certificate " + config.client_cert_file + ": " +
                                     error_queue_text());
        }
    }
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
    // certificate_required (116, TLS 1.3), handshake_failure (40), bad_certificate (42).
    return impl_->last_alert == 116 || impl_->last_alert == 40 || impl_->last_alert == 42;
}

}  // namespace edgeplan::checks::probes
