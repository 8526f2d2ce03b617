// Certificate parsing (checks/certificates/certificate_parser.h) on bytes a TLS peer or a file
// could hold, then every certificate rule on the result against one fixed expectation. Byte 0
// picks the form: even = PEM text, odd = a DER chain whose blobs are split at the positions of
// the following 0xFF 0x00 pairs (so the fuzzer can build chains with intermediates). Only
// CertificateLoadError may escape the parser; the rules must answer every rule once, with a
// reason for each skip, and the same way twice.
#include <set>
#include <string>
#include <vector>

#include "checks/certificates/certificate_parser.h"
#include "checks/certificates/certificate_rules.h"
#include "tests/fuzz/fuzz_target.h"

namespace certs = edgeplan::checks::certificates;
using edgeplan::checks::Status;
using edgeplan::fuzz::require;

namespace {

std::vector<certs::Der> split_chain(const std::uint8_t* data, std::size_t size) {
    std::vector<certs::Der> chain(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (i + 1 < size && data[i] == 0xFF && data[i + 1] == 0x00) {
            chain.emplace_back();
            ++i;
            continue;
        }
        chain.back().push_back(data[i]);
    }
    return chain;
}

certs::CertificateExpectation expectation() {
    certs::CertificateExpectation expected;
    expected.use = edgeplan::topology::CertificateUse::external;
    expected.pool_id = "EdgePool1";
    expected.subject = "sip.contoso.com";
    expected.webconf_fqdn = "webconf.contoso.com";
    expected.sip_domains = {"contoso.com", "fabrikam.com"};
    expected.xmpp_domains = {"contoso.com"};
    expected.public_ca = true;
    return expected;
}

std::string describe(const std::vector<certs::RuleResult>& results) {
    std::string out;
    for (const auto& r : results) {
        out += r.rule_id + ":" + edgeplan::checks::to_string(r.status) + ":" + r.message + ":" +
               r.skip_reason + ";";
    }
    return out;
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(certificate) {
    if (size == 0) return;
    certs::VerifyOptions verify;
    verify.verify = false;  // no trust store: deterministic and fast; the facts are under test
    verify.now = certs::Clock::time_point(std::chrono::seconds(1'800'000'000));  // 2027-01-15

    certs::CertificateChainFacts chain;
    try {
        if (data[0] % 2 == 0) {
            chain = certs::parse_pem_chain(
                std::string(reinterpret_cast<const char*>(data) + 1, size - 1), verify);
        } else {
            chain = certs::parse_der_chain(split_chain(data + 1, size - 1), verify);
        }
    } catch (const certs::CertificateLoadError& error) {
        require(std::string(error.what()).size() > 0, "load error without a reason");
        return;
    }
    require(!chain.leaf.der.empty(), "a parsed leaf without its DER");
    require(chain.leaf.sha256_fingerprint.size() == 32 * 3 - 1, "fingerprint is not SHA-256 hex");
    require(chain.leaf.key_bits >= 0, "negative key size");

    certs::RuleOptions options;
    options.now = verify.now;
    const auto results = certs::evaluate_certificate(chain, expectation(), options);
    require(!results.empty(), "no rule answered");
    std::set<std::string> ids;
    for (const auto& r : results) {
        require(!r.rule_id.empty(), "a result without a rule ID");
        require(ids.insert(r.rule_id).second, "rule " + r.rule_id + " answered twice");
        require((r.status == Status::skip) == !r.skip_reason.empty(),
                "rule " + r.rule_id + ": skip and skip reason disagree");
    }
    require(
        describe(results) == describe(certs::evaluate_certificate(chain, expectation(), options)),
        "the rules answered differently the second time");
}
