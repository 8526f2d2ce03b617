// Certificate files before installation: PEM chain, DER, PKCS#12 (modern AES and the legacy
// RC2/3DES that Windows exports use), wrong or missing password. PKCS#12 files are made with the
// `openssl pkcs12 -export` CLI from keys generated at test time.
#include <gtest/gtest.h>

#include <stdlib.h>

#include "../probes/test_support.h"
#include "checks/certificates/certificate_parser.h"
#include "test_pki.h"

namespace edgeplan::checks::certificates {
namespace {

namespace fs = std::filesystem;

class CertificateFilesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_FALSE(dir_.path().empty());
        pki_test::CertSpec ca;
        ca.cn = "files root";
        ca.ca = true;
        ca_ = pki_test::issue(ca);
        pki_test::CertSpec leaf;
        leaf.cn = "sip.contoso.com";
        leaf.sans = {"sip.contoso.com", "webcon.contoso.com"};
        leaf_ = pki_test::issue(leaf, &ca_);
        pki_test::write_text(path("ca.pem"), pki_test::pem_of(ca_.cert));
        pki_test::write_text(path("leaf.pem"), pki_test::pem_of(leaf_.cert));
        pki_test::write_text(path("chain.pem"),
                             pki_test::pem_of(leaf_.cert) + pki_test::pem_of(ca_.cert));
        pki_test::write_text(path("leaf.key"), pki_test::key_pem_of(leaf_.key));
        const auto der = pki_test::der_of(leaf_.cert);
        pki_test::write_text(path("leaf.der"), std::string(der.begin(), der.end()));
        ::setenv("EDGEPLAN_TEST_PFX_PASSWORD", "s3cret", 1);
        ::unsetenv("EDGEPLAN_TEST_UNSET_PASSWORD");
    }

    std::string path(const std::string& name) const { return (dir_.path() / name).string(); }

    // `openssl pkcs12 -export` with the leaf, its key and the CA; extra arguments select legacy.
    bool export_pkcs12(const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> argv{"openssl",        "pkcs12", "-export",        "-in",
                                      path("leaf.pem"), "-inkey", path("leaf.key"), "-certfile",
                                      path("ca.pem"),   "-out",   path(name),       "-passout",
                                      "pass:s3cret"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return probes_test::run_command(argv, dir_.path() / (name + ".log")) == 0;
    }

    VerifyOptions trusting_test_ca() const {
        VerifyOptions v;
        v.ca_file = path("ca.pem");
        return v;
    }

    probes_test::TempDir dir_;
    pki_test::Issued ca_;
    pki_test::Issued leaf_;
};

TEST_F(CertificateFilesTest, PassPemChainIsReadAndVerified) {
    const auto chain = load_certificate_file(path("chain.pem"), {}, trusting_test_ca());
    EXPECT_EQ(chain.leaf.subject_cn, "sip.contoso.com");
    EXPECT_EQ(chain.leaf.san_dns,
              (std::vector<std::string>{"sip.contoso.com", "webcon.contoso.com"}));
    EXPECT_EQ(chain.intermediates.size(), 1u);
    EXPECT_TRUE(chain.leaf.verification.trusted) << chain.leaf.verification.error;
    EXPECT_EQ(chain.leaf.key_type, KeyType::rsa);
    EXPECT_EQ(chain.leaf.key_bits, 2048);
    EXPECT_EQ(chain.leaf.signature_hash, "SHA256");
    EXPECT_EQ(chain.leaf.sha256_fingerprint.size(), 32u * 3 - 1);
}

TEST_F(CertificateFilesTest, PassDerIsRead) {
    const auto chain = load_certificate_file(path("leaf.der"), {}, trusting_test_ca());
    EXPECT_EQ(chain.leaf.subject_cn, "sip.contoso.com");
    EXPECT_TRUE(chain.leaf.verification.trusted) << chain.leaf.verification.error;
}

TEST_F(CertificateFilesTest, FailVerificationAtADateAfterExpiry) {
    VerifyOptions v = trusting_test_ca();
    v.now = Clock::now() + std::chrono::hours(24 * 400);
    const auto chain = load_certificate_file(path("leaf.pem"), {}, v);
    EXPECT_FALSE(chain.leaf.verification.trusted);
    EXPECT_NE(chain.leaf.verification.error.find("expired"), std::string::npos)
        << chain.leaf.verification.error;
}

TEST_F(CertificateFilesTest, PassModernPkcs12) {
    ASSERT_TRUE(export_pkcs12("modern.pfx", {}));
    const auto chain = load_certificate_file(path("modern.pfx"), {"EDGEPLAN_TEST_PFX_PASSWORD"},
                                             trusting_test_ca());
    EXPECT_EQ(chain.leaf.subject_cn, "sip.contoso.com");
    EXPECT_TRUE(chain.private_key_present);
    EXPECT_TRUE(chain.leaf.verification.trusted) << chain.leaf.verification.error;
}

TEST_F(CertificateFilesTest, PassLegacyPkcs12NeedsTheLegacyProvider) {
    // RC2-40 / 3DES as Windows exports them; OpenSSL 3 reads these only with the legacy provider.
    ASSERT_TRUE(export_pkcs12("legacy.pfx", {"-legacy"}))
        << probes_test::read_file(dir_.path() / "legacy.pfx.log");
    const auto chain = load_certificate_file(path("legacy.pfx"), {"EDGEPLAN_TEST_PFX_PASSWORD"},
                                             trusting_test_ca());
    EXPECT_EQ(chain.leaf.subject_cn, "sip.contoso.com");
    EXPECT_TRUE(chain.private_key_present);
}

TEST_F(CertificateFilesTest, ErrorWrongPassword) {
    ASSERT_TRUE(export_pkcs12("modern.pfx", {}));
    ::setenv("EDGEPLAN_TEST_PFX_PASSWORD", "wrong", 1);
    try {
        load_certificate_file(path("modern.pfx"), {"EDGEPLAN_TEST_PFX_PASSWORD"},
                              trusting_test_ca());
        FAIL() << "a wrong password must not load";
    } catch (const CertificateLoadError& e) {
        EXPECT_NE(std::string(e.what()).find("wrong PKCS#12 password"), std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("modern.pfx"), std::string::npos) << e.what();
    }
}

TEST_F(CertificateFilesTest, ErrorPasswordVariableUnset) {
    ASSERT_TRUE(export_pkcs12("modern.pfx", {}));
    try {
        load_certificate_file(path("modern.pfx"), {"EDGEPLAN_TEST_UNSET_PASSWORD"},
                              trusting_test_ca());
        FAIL() << "an unset password variable must be reported";
    } catch (const CertificateLoadError& e) {
        EXPECT_NE(std::string(e.what()).find("EDGEPLAN_TEST_UNSET_PASSWORD is not set"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(CertificateFilesTest, ErrorNotACertificate) {
    pki_test::write_text(path("junk.bin"), "this is not a certificate");
    EXPECT_THROW(load_certificate_file(path("junk.bin"), {}, trusting_test_ca()),
                 CertificateLoadError);
    EXPECT_THROW(load_certificate_file(path("missing.pem"), {}, trusting_test_ca()),
                 CertificateLoadError);
    pki_test::write_text(path("key-only.pem"), pki_test::key_pem_of(leaf_.key));
    EXPECT_THROW(load_certificate_file(path("key-only.pem"), {}, trusting_test_ca()),
                 CertificateLoadError);
}

TEST_F(CertificateFilesTest, FailUntrustedWithoutTheCaFile) {
    // The system store does not know the test CA.
    VerifyOptions system;
    const auto chain = load_certificate_file(path("leaf.pem"), {}, system);
    EXPECT_TRUE(chain.leaf.verification.attempted);
    EXPECT_FALSE(chain.leaf.verification.trusted);
}

}  // namespace
}  // namespace edgeplan::checks::certificates
