#pragma once
// A throw-away PKI made at test time with OpenSSL's API (no private key is committed): a CA and
// leaf certificates with chosen names, EKUs, validity, key and signature hash. Shared by the
// certificate and TLS probe tests.
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace edgeplan::pki_test {

struct KeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct CertFree {
    void operator()(X509* p) const { X509_free(p); }
};
using Key = std::shared_ptr<EVP_PKEY>;
using Cert = std::shared_ptr<X509>;

enum class KeyKind { rsa, ec_p256 };

inline Key make_key(KeyKind kind = KeyKind::rsa, unsigned int rsa_bits = 2048) {
    EVP_PKEY* key = kind == KeyKind::rsa ? EVP_RSA_gen(rsa_bits) : EVP_EC_gen("P-256");
    if (!key) throw std::runtime_error("key generation failed");
    return Key(key, KeyFree{});
}

struct CertSpec {
    std::string cn;
    std::vector<std::string> sans;
    bool server_auth = true;
    bool client_auth = false;
    bool ca = false;
    long not_before_s = -86400;       // relative to now
    long not_after_s = 365L * 86400;  // relative to now
    std::string not_after_text;       // absolute instead, ASN.1 form (99991231235959Z)
    const EVP_MD* md = nullptr;       // default SHA-256
    KeyKind key_kind = KeyKind::rsa;
    unsigned int rsa_bits = 2048;
};

struct Issued {
    Key key;
    Cert cert;
};

inline void add_ext(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ext) throw std::runtime_error("extension " + value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// Issues `spec` signed by `issuer` (self-signed when issuer is null).
inline Issued issue(const CertSpec& spec, const Issued* issuer = nullptr) {
    static long serial = 1000;
    Issued out;
    out.key = make_key(spec.key_kind, spec.rsa_bits);
    X509* cert = X509_new();
    out.cert = Cert(cert, CertFree{});
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), ++serial);
    X509_gmtime_adj(X509_getm_notBefore(cert), spec.not_before_s);
    if (spec.not_after_text.empty()) {
        X509_gmtime_adj(X509_getm_notAfter(cert), spec.not_after_s);
    } else if (ASN1_TIME_set_string(X509_getm_notAfter(cert), spec.not_after_text.c_str()) != 1) {
        throw std::runtime_error("notAfter " + spec.not_after_text);
    }
    X509_set_pubkey(cert, out.key.get());
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("edgeplan test"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(spec.cn.c_str()), -1, -1, 0);
    X509* signer = issuer ? issuer->cert.get() : cert;
    X509_set_issuer_name(cert, X509_get_subject_name(signer));
    if (spec.ca) {
        add_ext(cert, signer, NID_basic_constraints, "critical,CA:TRUE");
        add_ext(cert, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        add_ext(cert, signer, NID_basic_constraints, "critical,CA:FALSE");
        add_ext(cert, signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        std::string eku;
        if (spec.server_auth) eku += "serverAuth";
        if (spec.client_auth) eku += std::string(eku.empty() ? "" : ",") + "clientAuth";
        if (eku.empty()) eku = "emailProtection";
        add_ext(cert, signer, NID_ext_key_usage, eku);
    }
    if (!spec.sans.empty()) {
        std::string san;
        for (const auto& s : spec.sans) san += (san.empty() ? "DNS:" : ",DNS:") + s;
        add_ext(cert, signer, NID_subject_alt_name, san);
    }
    add_ext(cert, signer, NID_subject_key_identifier, "hash");
    EVP_PKEY* signing_key = issuer ? issuer->key.get() : out.key.get();
    if (X509_sign(cert, signing_key, spec.md ? spec.md : EVP_sha256()) <= 0) {
        throw std::runtime_error("signing failed");
    }
    return out;
}

inline std::string pem_of(const Cert& cert) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    std::string text(data, static_cast<std::size_t>(length));
    BIO_free(bio);
    return text;
}

inline std::string key_pem_of(const Key& key) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    std::string text(data, static_cast<std::size_t>(length));
    BIO_free(bio);
    return text;
}

inline std::vector<unsigned char> der_of(const Cert& cert) {
    unsigned char* buffer = nullptr;
    const int length = i2d_X509(cert.get(), &buffer);
    std::vector<unsigned char> der(buffer, buffer + length);
    OPENSSL_free(buffer);
    return der;
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + path.string());
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
}

}  // namespace edgeplan::pki_test
