#include "checks/probes/tls_openssl_handshake.h"

#include <openssl/err.h>

#include <stdexcept>

#include "checks/probes/tls_client.h"
#include "checks/probes/tls_observation.h"

namespace edgeplan::checks::probes {

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

void configure_client_context(SSL_CTX* ctx, bool legacy, const std::string& client_cert_file,
                              const std::string& client_key_file) {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_max_cert_list(ctx, kMaxCertificateListBytes);
    if (legacy) {
        SSL_CTX_set_security_level(ctx, 0);
        SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
        SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION);
        SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
    } else {
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    }
    if (client_cert_file.empty()) return;
    const std::string& key = client_key_file.empty() ? client_cert_file : client_key_file;
    if (SSL_CTX_use_certificate_chain_file(ctx, client_cert_file.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(ctx) != 1) {
        throw std::runtime_error("client certificate " + client_cert_file + ": " +
                                 error_queue_text());
    }
}

std::vector<std::vector<std::uint8_t>> presented_chain(X509_STORE_CTX* store) {
    std::vector<std::vector<std::uint8_t>> chain;
    auto keep = [&](X509* certificate) {
        unsigned char* der = nullptr;
        const int length = i2d_X509(certificate, &der);
        if (length > 0) chain.emplace_back(der, der + length);
        OPENSSL_free(der);
    };
    STACK_OF(X509)* presented = X509_STORE_CTX_get0_untrusted(store);
    for (int i = 0; presented && i < sk_X509_num(presented) && i < kMaxChainCertificates; ++i) {
        keep(sk_X509_value(presented, i));
    }
    if (chain.empty()) keep(X509_STORE_CTX_get0_cert(store));
    return chain;
}

void note_server_message(HandshakeMessages& seen, int write_p, int content_type, const void* buf,
                         std::size_t len) {
    if (write_p || len < 1) return;
    const auto* bytes = static_cast<const unsigned char*>(buf);
    if (content_type == SSL3_RT_HANDSHAKE) {
        if (bytes[0] == SSL3_MT_SERVER_HELLO) seen.server_hello_seen = true;
        if (bytes[0] == SSL3_MT_CERTIFICATE_REQUEST) seen.client_cert_requested = true;
    } else if (content_type == SSL3_RT_ALERT && len >= 2) {
        seen.last_alert = bytes[1];
    }
}

IoResult handshake_failure(int ssl_error, int last_alert) {
    if (ssl_error == SSL_ERROR_ZERO_RETURN) return {IoStatus::closed, "close_notify"};
    std::string text = error_queue_text();
    if (last_alert >= 0) {
        text = std::string("alert ") + SSL_alert_desc_string_long(last_alert) +
               (text.empty() ? "" : " (" + text + ")");
    }
    if (ssl_error == SSL_ERROR_SYSCALL && text.empty()) {
        return {IoStatus::closed, "connection closed during TLS"};
    }
    return {IoStatus::error, text.empty() ? "TLS error" : text};
}

bool rejects_client_certificate(int alert) { return alert == 116 || alert == 40 || alert == 42; }

}  // namespace edgeplan::checks::probes
