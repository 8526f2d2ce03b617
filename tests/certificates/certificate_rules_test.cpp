// Certificate rules over fixtures made at test time (test_pki.h): one row per outcome, through
// evaluate_certificate, with the chain verified against the test CA (--ca-file) at one "now".
#include <gtest/gtest.h>

#include <functional>

#include "../probes/test_support.h"
#include "checks/certificates/certificate_parser.h"
#include "checks/certificates/certificate_rules.h"
#include "test_pki.h"

namespace edgeplan::checks::certificates {
namespace {

using pki_test::CertSpec;
using topology::CertificateUse;

// The documentation's example (CS-S4): contoso.com + fabrikam.com, XMPP contoso.com, AOL on.
CertificateExpectation contoso_external() {
    CertificateExpectation e;
    e.use = CertificateUse::external;
    e.pool_id = "edgepool";
    e.subject = "sip.contoso.com";
    e.webconf_fqdn = "webcon.contoso.com";
    e.sip_domains = {"contoso.com", "fabrikam.com"};
    e.xmpp_domains = {"contoso.com"};
    e.client_auth = true;
    e.public_ca = true;
    return e;
}

VerifyOptions no_verify() {
    VerifyOptions v;
    v.verify = false;
    return v;
}

CertificateExpectation contoso_internal() {
    CertificateExpectation e;
    e.use = CertificateUse::internal;
    e.subject = "lsedge.contoso.net";
    return e;
}

CertSpec good_external() {
    CertSpec s;
    s.cn = "sip.contoso.com";
    s.sans = {"sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com", "contoso.com",
              "xmpp.contoso.com"};
    s.client_auth = true;
    return s;
}

CertSpec good_internal() {
    CertSpec s;
    s.cn = "lsedge.contoso.net";
    return s;
}

struct Row {
    const char* name;  // starts with the expected status
    std::function<CertSpec()> spec;
    std::function<CertificateExpectation()> expected;
    const char* rule;
    Status status;
    bool foreign_ca = false;  // signed by a CA the verifier does not trust
};

template <typename F>
std::function<CertSpec()> external_with(F change) {
    return [change] {
        CertSpec s = good_external();
        change(s);
        return s;
    };
}
template <typename F>
std::function<CertSpec()> internal_with(F change) {
    return [change] {
        CertSpec s = good_internal();
        change(s);
        return s;
    };
}
std::function<CertSpec()> external_good() { return good_external; }

const Row kRows[] = {
    {"pass - good certificate chains to the trusted CA", external_good(), contoso_external,
     "CERT-EXT-01", Status::pass},
    {"fail - certificate from an untrusted root", external_good(), contoso_external, "CERT-EXT-01",
     Status::fail, true},
    {"pass - subject is the Access Edge FQDN", external_good(), contoso_external, "CERT-EXT-02",
     Status::pass},
    {"warn - subject is another explicit name", external_with([](CertSpec& s) {
         s.cn = "access.contoso.com";
         s.sans.push_back("access.contoso.com");
     }),
     contoso_external, "CERT-EXT-02", Status::warn},
    {"fail - wildcard subject name", external_with([](CertSpec& s) { s.cn = "*.contoso.com"; }),
     contoso_external, "CERT-EXT-02", Status::fail},
    {"pass - subject repeated in the SAN", external_good(), contoso_external, "CERT-EXT-03",
     Status::pass},
    {"fail - Access Edge FQDN missing from the SAN",
     external_with([](CertSpec& s) { s.sans.erase(s.sans.begin()); }), contoso_external,
     "CERT-EXT-03", Status::fail},
    {"pass - Web Conferencing FQDN in the SAN", external_good(), contoso_external, "CERT-EXT-04",
     Status::pass},
    {"fail - Web Conferencing FQDN missing",
     external_with([](CertSpec& s) { s.sans.erase(s.sans.begin() + 1); }), contoso_external,
     "CERT-EXT-04", Status::fail},
    {"pass - sip.<domain> for every SIP domain", external_good(), contoso_external, "CERT-EXT-05",
     Status::pass},
    {"fail - sip.fabrikam.com missing",
     external_with([](CertSpec& s) { s.sans.erase(s.sans.begin() + 2); }), contoso_external,
     "CERT-EXT-05", Status::fail},
    {"warn - sip.fabrikam.com only under a wildcard",
     external_with([](CertSpec& s) { s.sans[2] = "*.fabrikam.com"; }), contoso_external,
     "CERT-EXT-05", Status::warn},
    {"pass - no wildcard anywhere", external_good(), contoso_external, "CERT-EXT-08", Status::pass},
    {"warn - wildcard SAN on the external certificate",
     external_with([](CertSpec& s) { s.sans.push_back("*.contoso.com"); }), contoso_external,
     "CERT-EXT-08", Status::warn},
    {"fail - wildcard subject name under CERT-EXT-08",
     external_with([](CertSpec& s) { s.cn = "*.contoso.com"; }), contoso_external, "CERT-EXT-08",
     Status::fail},
    {"pass - serverAuth EKU", external_good(), contoso_external, "CERT-EXT-09", Status::pass},
    {"fail - no serverAuth EKU", external_with([](CertSpec& s) { s.server_auth = false; }),
     contoso_external, "CERT-EXT-09", Status::fail},
    {"pass - clientAuth EKU with AOL", external_good(), contoso_external, "CERT-EXT-10",
     Status::pass},
    {"fail - no clientAuth EKU with AOL", external_with([](CertSpec& s) { s.client_auth = false; }),
     contoso_external, "CERT-EXT-10", Status::fail},
    {"skip - clientAuth not needed without AOL",
     external_with([](CertSpec& s) { s.client_auth = false; }),
     [] {
         auto e = contoso_external();
         e.client_auth = false;
         return e;
     },
     "CERT-EXT-10", Status::skip},
    {"pass - valid for a year", external_good(), contoso_external, "CERT-EXT-16", Status::pass},
    {"fail - expired", external_with([](CertSpec& s) {
         s.not_before_s = -400L * 86400;
         s.not_after_s = -86400;
     }),
     contoso_external, "CERT-EXT-16", Status::fail},
    {"fail - not yet valid", external_with([](CertSpec& s) { s.not_before_s = 86400; }),
     contoso_external, "CERT-EXT-16", Status::fail},
    {"warn - expires in 10 days", external_with([](CertSpec& s) { s.not_after_s = 10L * 86400; }),
     contoso_external, "CERT-EXT-16", Status::warn},
    {"pass - RSA 2048", external_good(), contoso_external, "CERT-EXT-20", Status::pass},
    {"fail - RSA 1024", external_with([](CertSpec& s) { s.rsa_bits = 1024; }), contoso_external,
     "CERT-EXT-20", Status::fail},
    {"pass - EC P-256", external_with([](CertSpec& s) { s.key_kind = pki_test::KeyKind::ec_p256; }),
     contoso_external, "CERT-EXT-20", Status::pass},
    {"pass - SHA-256 signature", external_good(), contoso_external, "CERT-EXT-21", Status::pass},
    {"fail - SHA-1 signature", external_with([](CertSpec& s) { s.md = EVP_sha1(); }),
     contoso_external, "CERT-EXT-21", Status::fail},
    {"pass - XMPP domain in the SAN", external_good(), contoso_external, "CERT-XMPP-01",
     Status::pass},
    {"fail - XMPP domain missing",
     external_with([](CertSpec& s) { s.sans.erase(s.sans.begin() + 3); }), contoso_external,
     "CERT-XMPP-01", Status::fail},
    {"skip - no XMPP on this pool", external_good(),
     [] {
         auto e = contoso_external();
         e.xmpp_domains.clear();
         return e;
     },
     "CERT-XMPP-01", Status::skip},
    {"pass - xmpp.<domain> listed", external_good(), contoso_external, "CERT-XMPP-03",
     Status::pass},
    {"warn - xmpp.<domain> absent", external_with([](CertSpec& s) { s.sans.pop_back(); }),
     contoso_external, "CERT-XMPP-03", Status::warn},
    {"pass - internal chain trusted", internal_with([](CertSpec&) {}), contoso_internal,
     "CERT-INT-01", Status::pass},
    {"fail - internal chain untrusted", internal_with([](CertSpec&) {}), contoso_internal,
     "CERT-INT-01", Status::fail, true},
    {"pass - internal subject is the pool FQDN", internal_with([](CertSpec&) {}), contoso_internal,
     "CERT-INT-02", Status::pass},
    {"fail - internal subject is another name",
     internal_with([](CertSpec& s) { s.cn = "edge01.contoso.net"; }), contoso_internal,
     "CERT-INT-02", Status::fail},
    {"fail - internal wildcard subject", internal_with([](CertSpec& s) { s.cn = "*.contoso.net"; }),
     contoso_internal, "CERT-INT-03", Status::fail},
    {"pass - internal wildcard SAN allowed",
     internal_with([](CertSpec& s) { s.sans = {"*.contoso.net"}; }), contoso_internal,
     "CERT-INT-03", Status::pass},
    {"pass - internal serverAuth EKU", internal_with([](CertSpec&) {}), contoso_internal,
     "CERT-INT-04", Status::pass},
    {"fail - internal without serverAuth", internal_with([](CertSpec& s) {
         s.server_auth = false;
         s.client_auth = true;
     }),
     contoso_internal, "CERT-INT-04", Status::fail},
};

class CertificateRulesTest : public ::testing::TestWithParam<Row> {
  protected:
    static void SetUpTestSuite() {
        dir_ = new probes_test::TempDir();
        CertSpec ca;
        ca.cn = "edgeplan test root";
        ca.ca = true;
        ca.not_after_s = 3650L * 86400;
        ca.not_before_s = -3650L * 86400;
        ca_ = new pki_test::Issued(pki_test::issue(ca));
        ca.cn = "edgeplan foreign root";
        foreign_ = new pki_test::Issued(pki_test::issue(ca));
        pki_test::write_text(dir_->path() / "ca.pem", pki_test::pem_of(ca_->cert));
    }
    static void TearDownTestSuite() {
        delete ca_;
        delete foreign_;
        delete dir_;
    }
    static probes_test::TempDir* dir_;
    static pki_test::Issued* ca_;
    static pki_test::Issued* foreign_;
};
probes_test::TempDir* CertificateRulesTest::dir_ = nullptr;
pki_test::Issued* CertificateRulesTest::ca_ = nullptr;
pki_test::Issued* CertificateRulesTest::foreign_ = nullptr;

TEST_P(CertificateRulesTest, RuleOutcome) {
    const Row& row = GetParam();
    const auto leaf = pki_test::issue(row.spec(), row.foreign_ca ? foreign_ : ca_);
    VerifyOptions verify;
    verify.ca_file = (dir_->path() / "ca.pem").string();
    verify.now = Clock::now();
    const auto chain = parse_der_chain({pki_test::der_of(leaf.cert)}, verify);
    RuleOptions options;
    options.now = verify.now;
    const auto results = evaluate_certificate(chain, row.expected(), options);
    const auto it = std::find_if(results.begin(), results.end(),
                                 [&](const RuleResult& r) { return r.rule_id == row.rule; });
    ASSERT_NE(it, results.end()) << row.rule << " not evaluated";
    EXPECT_EQ(to_string(it->status), std::string(to_string(row.status))) << it->message;
    if (it->status == Status::skip) {
        EXPECT_FALSE(it->skip_reason.empty());
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, CertificateRulesTest, ::testing::ValuesIn(kRows),
                         [](const ::testing::TestParamInfo<Row>& row_info) {
                             std::string name;
                             for (const char* c = row_info.param.name; *c; ++c) {
                                 name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
                             }
                             return name;
                         });

TEST(CertificateRules, GoodCertificatePassesEveryApplicableRule) {
    // The good fixture is a positive control: nothing may warn or fail on it.
    probes_test::TempDir dir;
    CertSpec ca_spec;
    ca_spec.cn = "root";
    ca_spec.ca = true;
    const auto ca = pki_test::issue(ca_spec);
    pki_test::write_text(dir.path() / "ca.pem", pki_test::pem_of(ca.cert));
    const auto leaf = pki_test::issue(good_external(), &ca);
    VerifyOptions verify;
    verify.ca_file = (dir.path() / "ca.pem").string();
    const auto chain = parse_pem_chain(pki_test::pem_of(leaf.cert), verify);
    RuleOptions options;
    options.now = verify.now;
    for (const auto& r : evaluate_certificate(chain, contoso_external(), options)) {
        EXPECT_EQ(r.status, Status::pass) << r.rule_id << ": " << r.message;
    }
}

// A certificate "valid forever" (RFC 5280 4.1.2.5: 99991231235959Z) and a `--now` late in year
// 9999: the clock counts seconds, so neither wraps (a nanosecond clock ended in April 2262).
TEST(CertificateRules, ValidityAtTheEndOfYear9999) {
    using std::chrono::hours, std::chrono::minutes, std::chrono::seconds;
    using sys_seconds = Clock::time_point;
    const auto day = [](long y, int m, int d) { return edgeplan::checks::utc_midnight(y, m, d); };
    CertSpec spec = good_external();
    spec.not_after_text = "99991231235959Z";
    const auto leaf = pki_test::issue(spec);
    const auto facts = parse_der_chain({pki_test::der_of(leaf.cert)}, no_verify()).leaf;
    const sys_seconds last = day(9999, 12, 31) + hours(23) + minutes(59) + seconds(59);
    EXPECT_EQ(facts.not_after, last);
    EXPECT_EQ(format_utc(facts.not_after), "9999-12-31T23:59:59Z");
    const auto validity_at = [&](sys_seconds now) {
        RuleOptions options;
        options.now = now;
        for (const auto& r :
             evaluate_certificate(parse_der_chain({pki_test::der_of(leaf.cert)}, no_verify()),
                                  contoso_external(), options)) {
            if (r.rule_id == "CERT-EXT-16") return r;
        }
        ADD_FAILURE() << "CERT-EXT-16 not evaluated";
        return RuleResult{};
    };
    const RuleResult in_2030 = validity_at(day(2030, 6, 1));
    EXPECT_EQ(in_2030.status, Status::pass) << in_2030.message;
    EXPECT_EQ(in_2030.message,
              "valid for " + std::to_string((day(9999, 12, 31) - day(2030, 6, 1)).count() / 86400) +
                  " more days");
    const RuleResult last_days = validity_at(day(9999, 12, 30));
    EXPECT_EQ(last_days.status, Status::warn) << last_days.message;
    EXPECT_NE(last_days.message.find("expires in 1 days"), std::string::npos) << last_days.message;
    const RuleResult after = validity_at(last + seconds(1));
    EXPECT_EQ(after.status, Status::fail) << after.message;
}

struct MemberRow {
    const char* name;
    bool same;
    CertificateUse use;
    Status status;
    const char* rule;
};

class SameCertificateTest : public ::testing::TestWithParam<MemberRow> {};

TEST_P(SameCertificateTest, Members) {
    const MemberRow& row = GetParam();
    const auto a = pki_test::issue(good_external());
    const auto b = row.same ? a : pki_test::issue(good_external());
    const auto facts_a = parse_der_chain({pki_test::der_of(a.cert)}, no_verify()).leaf;
    const auto facts_b = parse_der_chain({pki_test::der_of(b.cert)}, no_verify()).leaf;
    const RuleResult r =
        evaluate_same_certificate(row.use, {{"10.0.0.1", facts_a}, {"10.0.0.2", facts_b}});
    EXPECT_EQ(r.rule_id, row.rule);
    EXPECT_EQ(r.status, row.status) << r.message;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SameCertificateTest,
    ::testing::Values(MemberRow{"pass_same_external", true, CertificateUse::external, Status::pass,
                                "CERT-EXT-13"},
                      MemberRow{"fail_different_external", false, CertificateUse::external,
                                Status::fail, "CERT-EXT-13"},
                      MemberRow{"fail_different_internal", false, CertificateUse::internal,
                                Status::fail, "CERT-INT-05"}),
    [](const auto& row_info) { return std::string(row_info.param.name); });

TEST(CrossNames, Outcomes) {
    const auto leaf = pki_test::issue(good_external());
    const auto facts = parse_der_chain({pki_test::der_of(leaf.cert)}, no_verify()).leaf;
    const auto e = contoso_external();
    EXPECT_EQ(evaluate_cross_names(facts, e, {"sip.contoso.com", "webcon.contoso.com"}).status,
              Status::pass);
    EXPECT_EQ(evaluate_cross_names(facts, e, {"sip.contoso.com"}).status, Status::fail)
        << "fail - webcon.contoso.com has no DNS record";
    auto other = e;
    other.webconf_fqdn = "meet.contoso.com";
    EXPECT_EQ(evaluate_cross_names(facts, other, {"sip.contoso.com", "meet.contoso.com"}).status,
              Status::fail)
        << "fail - meet.contoso.com is not on the certificate";
}

}  // namespace
}  // namespace edgeplan::checks::certificates
