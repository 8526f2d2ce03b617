#pragma once
// Certificates a hostile or careless Edge may present, made at test time (no key is committed):
// long chains of intermediates, a dNSName and CN with an embedded NUL
// ("sip.contoso.com\0.evil.com", the classic spoof of C-string name matching), an empty subject,
// and a SAN list of ~16 KB. EC P-256 keys: a hundred of them take milliseconds, also under the
// sanitizers.
#include <openssl/x509v3.h>

#include <string>
#include <vector>

#include "tests/certificates/test_pki.h"

namespace edgeplan::hostile_test {

using pki_test::Issued;

struct Chain {
    Issued root;
    std::vector<Issued> intermediates;  // leaf's issuer first (TLS order)
    Issued leaf;
};

inline pki_test::CertSpec ec_spec(const std::string& cn, bool ca) {
    pki_test::CertSpec spec;
    spec.cn = cn;
    spec.ca = ca;
    spec.key_kind = pki_test::KeyKind::ec_p256;
    return spec;
}

// A root with a name of its own: the CA file of a test holds several, and chain building looks
// issuers up by name.
inline Issued fresh_root() {
    static int count = 0;
    return pki_test::issue(ec_spec("hostile root " + std::to_string(++count), true));
}

// Root -> `count` intermediates -> leaf for sip.contoso.com. Each intermediate carries
// `padding_names` long SAN entries so the chain's size can be pushed past a limit.
inline Chain long_chain(int count, int padding_names) {
    Chain chain;
    chain.root = fresh_root();
    std::vector<Issued> top_down;
    top_down.reserve(static_cast<std::size_t>(count));  // keeps `issuer` valid while growing
    const Issued* issuer = &chain.root;
    for (int i = 0; i < count; ++i) {
        auto spec = ec_spec("hostile intermediate " + std::to_string(i), true);
        for (int n = 0; n < padding_names; ++n) {
            spec.sans.push_back("padding-" + std::to_string(n) + ".intermediate-" +
                                std::to_string(i) + ".example.net");
        }
        top_down.push_back(pki_test::issue(spec, issuer));
        issuer = &top_down.back();
    }
    auto leaf = ec_spec("sip.contoso.com", false);
    leaf.sans = {"sip.contoso.com"};
    chain.leaf = pki_test::issue(leaf, issuer);
    chain.intermediates.assign(top_down.rbegin(), top_down.rend());
    return chain;
}

// Replaces the leaf's subject and SAN with raw values (lengths kept, so NULs survive) and
// signs it again with `issuer`.
inline void rewrite_names(Issued& leaf, const Issued& issuer, const std::string& cn,
                          const std::vector<std::string>& dns_names) {
    X509* cert = leaf.cert.get();
    X509_NAME* name = X509_NAME_new();
    if (!cn.empty()) {
        X509_NAME_add_entry_by_txt(name, "CN", V_ASN1_IA5STRING,
                                   reinterpret_cast<const unsigned char*>(cn.data()),
                                   static_cast<int>(cn.size()), -1, 0);
    }
    X509_set_subject_name(cert, name);
    X509_NAME_free(name);
    const int at = X509_get_ext_by_NID(cert, NID_subject_alt_name, -1);
    if (at >= 0) X509_EXTENSION_free(X509_delete_ext(cert, at));
    if (!dns_names.empty()) {
        GENERAL_NAMES* names = GENERAL_NAMES_new();
        for (const std::string& dns : dns_names) {
            ASN1_IA5STRING* text = ASN1_IA5STRING_new();
            ASN1_STRING_set(text, dns.data(), static_cast<int>(dns.size()));
            GENERAL_NAME* general = GENERAL_NAME_new();
            GENERAL_NAME_set0_value(general, GEN_DNS, text);
            sk_GENERAL_NAME_push(names, general);
        }
        // Critical when the subject is empty (RFC 5280 4.2.1.6).
        X509_add1_ext_i2d(cert, NID_subject_alt_name, names, cn.empty() ? 1 : 0,
                          X509V3_ADD_DEFAULT);
        GENERAL_NAMES_free(names);
    }
    if (X509_sign(cert, issuer.key.get(), EVP_sha256()) <= 0) {
        throw std::runtime_error("re-signing failed");
    }
}

// A one-level chain (root -> leaf) whose leaf has the given subject CN and dNSNames.
inline Chain named_leaf(const std::string& cn, const std::vector<std::string>& dns_names) {
    Chain chain;
    chain.root = fresh_root();
    auto spec = ec_spec("placeholder", false);
    chain.leaf = pki_test::issue(spec, &chain.root);
    rewrite_names(chain.leaf, chain.root, cn, dns_names);
    return chain;
}

// The total DER size of what a server sends as its chain (leaf and intermediates).
inline std::size_t chain_bytes(const Chain& chain) {
    std::size_t total = pki_test::der_of(chain.leaf.cert).size();
    for (const auto& i : chain.intermediates) total += pki_test::der_of(i.cert).size();
    return total;
}

}  // namespace edgeplan::hostile_test
