// OpenSSL side of certificate reading: DER/PEM chains, PEM/DER/PKCS#12 files and chain
// verification at a given time. Everything else sees CertificateFacts (certificate_facts.h).
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>

#include "checks/certificates/certificate_parser.h"
#include "topology/input_file.h"

namespace edgeplan::checks::certificates {
namespace {

// Files larger than this are not certificates (a PKCS#12 with a long chain is a few KiB).
constexpr std::size_t kMaxFileBytes = 1024 * 1024;

struct Free {
    void operator()(X509* p) const { X509_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(X509_STORE* p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
    void operator()(PKCS12* p) const { PKCS12_free(p); }
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(GENERAL_NAMES* p) const { GENERAL_NAMES_free(p); }
    void operator()(EXTENDED_KEY_USAGE* p) const { EXTENDED_KEY_USAGE_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

std::string openssl_error_text() {
    std::string text;
    for (int i = 0; i < 8; ++i) {
        const unsigned long code = ERR_get_error();
        if (code == 0) break;
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.empty()) text += "; ";
        text += buffer;
    }
    return text.empty() ? "unknown OpenSSL error" : text;
}

std::string bio_text(BIO* bio) {
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

std::string name_text(const X509_NAME* name) {
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return bio_text(bio.get());
}

std::string asn1_string_text(const ASN1_STRING* value) {
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0) return {};
    std::string text(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return text;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string last_common_name(const X509_NAME* name) {
    int index = -1;
    int last = -1;
    for (int round = 0; round < 64; ++round) {
        index = X509_NAME_get_index_by_NID(name, NID_commonName, index);
        if (index < 0) break;
        last = index;
    }
    if (last < 0) return {};
    return asn1_string_text(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, last)));
}

Clock::time_point to_time_point(const ASN1_TIME* time) {
    std::tm tm{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) return {};
    return Clock::from_time_t(timegm(&tm));
}

std::string hex_colon(const unsigned char* data, unsigned int length) {
    static const char* digits = "0123456789ABCDEF";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        if (i) text += ':';
        text += digits[data[i] >> 4];
        text += digits[data[i] & 0x0f];
    }
    return text;
}

void read_san(X509* cert, CertificateFacts& facts) {
    Owned<GENERAL_NAMES> names(static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (!names) return;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
        if (name->type == GEN_DNS)
            facts.san_dns.push_back(lower(asn1_string_text(name->d.dNSName)));
    }
}

void read_eku(X509* cert, CertificateFacts& facts) {
    Owned<EXTENDED_KEY_USAGE> usages(static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr)));
    if (!usages) return;
    facts.eku_extension_present = true;
    for (int i = 0; i < sk_ASN1_OBJECT_num(usages.get()); ++i) {
        char oid[128];
        OBJ_obj2txt(oid, sizeof oid, sk_ASN1_OBJECT_value(usages.get(), i), 1);
        facts.ekus.emplace_back(oid);
    }
}

void read_key(X509* cert, CertificateFacts& facts) {
    EVP_PKEY* key = X509_get0_pubkey(cert);
    if (key == nullptr) return;
    facts.key_bits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_RSA:
        case EVP_PKEY_RSA_PSS:
            facts.key_type = KeyType::rsa;
            break;
        case EVP_PKEY_EC: {
            facts.key_type = KeyType::ec;
            char group[80] = {};
            std::size_t length = 0;
            if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &length) == 1) {
                facts.key_curve.assign(group, length);
            }
            break;
        }
        case EVP_PKEY_ED25519:
            facts.key_type = KeyType::ed25519;
            break;
        case EVP_PKEY_ED448:
            facts.key_type = KeyType::ed448;
            break;
        case EVP_PKEY_DSA:
            facts.key_type = KeyType::dsa;
            break;
        default:
            facts.key_type = KeyType::other;
            break;
    }
}

void read_signature(X509* cert, CertificateFacts& facts) {
    const int nid = X509_get_signature_nid(cert);
    facts.signature_algorithm = OBJ_nid2ln(nid) ? OBJ_nid2ln(nid) : "unknown";
    int digest = NID_undef;
    int key = NID_undef;
    if (OBJ_find_sigid_algs(nid, &digest, &key) == 1 && digest != NID_undef) {
        const char* name = OBJ_nid2sn(digest);
        facts.signature_hash = name ? name : "";
        std::transform(facts.signature_hash.begin(), facts.signature_hash.end(),
                       facts.signature_hash.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        facts.signature_hash.erase(
            std::remove(facts.signature_hash.begin(), facts.signature_hash.end(), '-'),
            facts.signature_hash.end());
    }
}

Der to_der(X509* cert) {
    unsigned char* buffer = nullptr;
    const int length = i2d_X509(cert, &buffer);
    if (length <= 0) return {};
    Der der(buffer, buffer + length);
    OPENSSL_free(buffer);
    return der;
}

CertificateFacts facts_of(X509* cert) {
    CertificateFacts facts;
    facts.subject_cn = lower(last_common_name(X509_get_subject_name(cert)));
    facts.subject_dn = name_text(X509_get_subject_name(cert));
    facts.issuer_dn = name_text(X509_get_issuer_name(cert));
    read_san(cert, facts);
    read_eku(cert, facts);
    read_key(cert, facts);
    read_signature(cert, facts);
    facts.not_before = to_time_point(X509_get0_notBefore(cert));
    facts.not_after = to_time_point(X509_get0_notAfter(cert));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(cert, EVP_sha256(), digest, &length) == 1) {
        facts.sha256_fingerprint = hex_colon(digest, length);
    }
    facts.self_signed = X509_self_signed(cert, 1) == 1;
    if (Owned<BIGNUM> serial{ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)}) {
        char* hex = BN_bn2hex(serial.get());
        if (hex) {
            facts.serial_hex = hex;
            OPENSSL_free(hex);
        }
    }
    facts.der = to_der(cert);
    ERR_clear_error();
    return facts;
}

// Loading the trust anchors cost more than verifying a chain against them (the system bundle
// holds about 150 certificates, and a partner audit verifies thousands of chains, once per
// chain before): each set of anchors is loaded once per process and shared. An X509_STORE is
// reference counted and locks itself, so chains verify against it from several threads. A
// --ca-file is keyed on its path and its content, so a file rewritten in place is loaded anew.
Owned<X509_STORE> trust_store(const std::optional<std::string>& ca_file, std::string& error) {
    struct Cached {
        std::string content;
        Owned<X509_STORE> store;
    };
    static std::mutex mutex;
    static std::map<std::string, Cached> cache;  // "" = the system store
    std::string content;
    if (ca_file) {
        std::ifstream in(*ca_file, std::ios::binary);
        content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::string key = ca_file ? "file:" + *ca_file : std::string();
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = cache.find(key);
    if (found == cache.end() || found->second.content != content) {
        Owned<X509_STORE> store(X509_STORE_new());
        if (!store) {
            error = "out of memory";
            return nullptr;
        }
        const bool loaded = ca_file ? X509_STORE_load_file(store.get(), ca_file->c_str()) == 1
                                    : X509_STORE_set_default_paths(store.get()) == 1;
        if (!loaded) {
            error = "cannot load trust anchors" + (ca_file ? " from " + *ca_file : std::string()) +
                    ": " + openssl_error_text();
            return nullptr;  // not cached: a file that appears later is read then
        }
        found = cache.insert_or_assign(key, Cached{content, std::move(store)}).first;
    }
    X509_STORE_up_ref(found->second.store.get());
    return Owned<X509_STORE>(found->second.store.get());
}

ChainVerification verify_chain(X509* leaf, STACK_OF(X509) * untrusted,
                               const VerifyOptions& options) {
    ChainVerification result;
    if (!options.verify) return result;
    result.attempted = true;
    Owned<X509_STORE_CTX> context(X509_STORE_CTX_new());
    if (!context) {
        result.error = "out of memory";
        return result;
    }
    Owned<X509_STORE> store = trust_store(options.ca_file, result.error);
    if (!store) return result;
    if (X509_STORE_CTX_init(context.get(), store.get(), leaf, untrusted) != 1) {
        result.error = openssl_error_text();
        return result;
    }
    // The run's clock, not the wall clock: deterministic results and `--now` (STYLE.md).
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(context.get()),
                               Clock::to_time_t(options.now));
    if (options.require_server_purpose) {
        X509_STORE_CTX_set_purpose(context.get(), X509_PURPOSE_SSL_SERVER);
    }
    result.trusted = X509_verify_cert(context.get()) == 1;
    if (!result.trusted) {
        result.error = X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get()));
    }
    if (STACK_OF(X509)* built = X509_STORE_CTX_get0_chain(context.get())) {
        for (int i = 0; i < sk_X509_num(built); ++i) {
            result.chain_subjects.push_back(
                name_text(X509_get_subject_name(sk_X509_value(built, i))));
        }
    }
    ERR_clear_error();
    return result;
}

// Leaf first; the rest are untrusted intermediates for chain building.
CertificateChainFacts facts_of_chain(const std::vector<Owned<X509>>& certs,
                                     const VerifyOptions& options) {
    if (certs.empty()) throw CertificateLoadError("no certificate found");
    Owned<STACK_OF(X509)> untrusted(sk_X509_new_null());
    for (std::size_t i = 1; i < certs.size(); ++i) {
        if (X509_up_ref(certs[i].get()) == 1) sk_X509_push(untrusted.get(), certs[i].get());
    }
    CertificateChainFacts chain;
    chain.leaf = facts_of(certs.front().get());
    chain.leaf.verification = verify_chain(certs.front().get(), untrusted.get(), options);
    if (chain.leaf.verification.chain_subjects.empty()) {
        for (const auto& cert : certs) {
            chain.leaf.verification.chain_subjects.push_back(
                name_text(X509_get_subject_name(cert.get())));
        }
    }
    for (std::size_t i = 1; i < certs.size(); ++i)
        chain.intermediates.push_back(facts_of(certs[i].get()));
    return chain;
}

std::vector<Owned<X509>> read_pem_certificates(const std::string& pem) {
    Owned<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    std::vector<Owned<X509>> certs;
    for (int round = 0; round < 64; ++round) {
        X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (cert == nullptr) break;
        certs.emplace_back(cert);
    }
    ERR_clear_error();  // the loop ends on "no start line"
    return certs;
}

// OpenSSL 3 moved RC2 and single-DES/3DES-with-RC2-MAC era PBE algorithms, which Windows
// certificate exports still use, into the legacy provider. Load it (and keep the default one
// active, which loading any provider explicitly would otherwise leave unloaded) once.
// The providers stay loaded for the process and are unloaded at exit, so leak checkers see
// every allocation returned.
OSSL_PROVIDER* legacy_provider = nullptr;
OSSL_PROVIDER* default_provider = nullptr;

void unload_providers() {
    if (legacy_provider != nullptr) OSSL_PROVIDER_unload(legacy_provider);
    if (default_provider != nullptr) OSSL_PROVIDER_unload(default_provider);
    legacy_provider = nullptr;
    default_provider = nullptr;
}

bool load_legacy_provider() {
    static std::once_flag once;
    static bool loaded = false;
    std::call_once(once, [] {
        legacy_provider = OSSL_PROVIDER_load(nullptr, "legacy");
        default_provider = OSSL_PROVIDER_load(nullptr, "default");
        loaded = legacy_provider != nullptr && default_provider != nullptr;
        std::atexit(unload_providers);
        ERR_clear_error();
    });
    return loaded;
}

CertificateChainFacts parse_pkcs12(const std::string& path, const std::string& bytes,
                                   const FileOptions& file, const VerifyOptions& options) {
    Owned<BIO> bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    Owned<PKCS12> p12(d2i_PKCS12_bio(bio.get(), nullptr));
    if (!p12) throw CertificateLoadError(path + ": not a PEM, DER or PKCS#12 certificate file");
    std::string password;
    if (!file.password_env.empty()) {
        const char* value = std::getenv(file.password_env.c_str());
        if (value == nullptr) {
            throw CertificateLoadError(path + ": the password environment variable " +
                                       file.password_env + " is not set");
        }
        password = value;
    }
    // The MAC uses HMAC-SHA1/SHA256 from the default provider: a mismatch is a wrong password,
    // whatever cipher protects the contents.
    if (PKCS12_mac_present(p12.get()) == 1 &&
        PKCS12_verify_mac(p12.get(), password.c_str(), -1) != 1 &&
        !(password.empty() && PKCS12_verify_mac(p12.get(), nullptr, 0) == 1)) {
        ERR_clear_error();
        throw CertificateLoadError(path + ": wrong PKCS#12 password (MAC verification failed)" +
                                   (file.password_env.empty()
                                        ? std::string("; name the password variable")
                                        : " using " + file.password_env));
    }
    EVP_PKEY* key = nullptr;
    X509* leaf = nullptr;
    STACK_OF(X509)* extra = nullptr;
    bool parsed = PKCS12_parse(p12.get(), password.c_str(), &key, &leaf, &extra) == 1;
    if (!parsed) {
        const std::string first_error = openssl_error_text();
        if (!load_legacy_provider()) {
            throw CertificateLoadError(path + ": cannot decrypt PKCS#12 (" + first_error +
                                       "), and OpenSSL's legacy provider could not be loaded");
        }
        parsed = PKCS12_parse(p12.get(), password.c_str(), &key, &leaf, &extra) == 1;
        if (!parsed) {
            throw CertificateLoadError(path + ": cannot decrypt PKCS#12: " + openssl_error_text());
        }
    }
    Owned<EVP_PKEY> owned_key(key);
    Owned<STACK_OF(X509)> owned_extra(extra);
    if (leaf == nullptr) throw CertificateLoadError(path + ": PKCS#12 holds no certificate");
    std::vector<Owned<X509>> certs;
    certs.emplace_back(leaf);
    for (int i = 0; extra && i < sk_X509_num(extra); ++i) {
        X509* cert = sk_X509_value(extra, i);
        if (X509_up_ref(cert) == 1) certs.emplace_back(cert);
    }
    CertificateChainFacts chain = facts_of_chain(certs, options);
    chain.private_key_present = key != nullptr;
    return chain;
}

}  // namespace

const char* to_string(KeyType type) {
    switch (type) {
        case KeyType::rsa:
            return "RSA";
        case KeyType::ec:
            return "EC";
        case KeyType::ed25519:
            return "Ed25519";
        case KeyType::ed448:
            return "Ed448";
        case KeyType::dsa:
            return "DSA";
        case KeyType::other:
            break;
    }
    return "other";
}

std::string format_utc(Clock::time_point when) {
    const std::time_t seconds = Clock::to_time_t(when);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

CertificateChainFacts parse_der_chain(const std::vector<Der>& chain, const VerifyOptions& options) {
    std::vector<Owned<X509>> certs;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const unsigned char* cursor = chain[i].data();
        X509* cert = d2i_X509(nullptr, &cursor, static_cast<long>(chain[i].size()));
        if (cert == nullptr) {
            ERR_clear_error();
            throw CertificateLoadError("certificate " + std::to_string(i) +
                                       " of the chain is not DER X.509");
        }
        certs.emplace_back(cert);
    }
    return facts_of_chain(certs, options);
}

bool pem_holds_certificate(const std::string& pem) {
    Owned<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    // The _AUX reader also takes "TRUSTED CERTIFICATE" blocks, as X509_STORE_load_file does.
    X509* cert = PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr);
    ERR_clear_error();
    if (cert == nullptr) return false;
    X509_free(cert);
    return true;
}

CertificateChainFacts parse_pem_chain(const std::string& pem, const VerifyOptions& options) {
    return facts_of_chain(read_pem_certificates(pem), options);
}

CertificateChainFacts load_certificate_file(const std::string& path, const FileOptions& file,
                                            const VerifyOptions& options) {
    std::string bytes;
    try {
        bytes = topology::read_input_file(path, kMaxFileBytes);
    } catch (const topology::InputFileError& e) {
        throw CertificateLoadError(e.what());
    }
    if (bytes.empty()) throw CertificateLoadError(path + ": empty file");
    if (bytes.find("-----BEGIN") != std::string::npos) {
        auto certs = read_pem_certificates(bytes);
        if (certs.empty())
            throw CertificateLoadError(path + ": PEM file holds no CERTIFICATE block");
        return facts_of_chain(certs, options);
    }
    // DER: one certificate that spans the whole file.
    const unsigned char* cursor = reinterpret_cast<const unsigned char*>(bytes.data());
    if (X509* cert = d2i_X509(nullptr, &cursor, static_cast<long>(bytes.size()))) {
        std::vector<Owned<X509>> certs;
        certs.emplace_back(cert);
        if (cursor == reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size()) {
            return facts_of_chain(certs, options);
        }
    }
    ERR_clear_error();
    return parse_pkcs12(path, bytes, file, options);
}

}  // namespace edgeplan::checks::certificates
