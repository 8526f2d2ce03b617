// The case rules every layer shares (topology/strings.h): ASCII letters only, never the locale.
#include "topology/strings.h"

#include <gtest/gtest.h>

#include <string>

namespace edgeplan::strings {
namespace {

TEST(Strings, LowerFoldsAsciiLettersOnly) {
    EXPECT_EQ(lower("SIP.Contoso.COM"), "sip.contoso.com");
    EXPECT_EQ(lower("@[`{ 09-_"), "@[`{ 09-_");  // the bytes beside A-Z stay
    // Bytes of UTF-8 sequences (and any byte above 0x7F) are never changed: "É" stays "É".
    EXPECT_EQ(lower("\xC3\x89XAMPLE\xFF"), "\xC3\x89xample\xFF");
    std::string every;
    for (int b = 0; b < 256; ++b) every += static_cast<char>(b);
    const std::string folded = lower(every);
    for (int b = 0; b < 256; ++b) {
        const char expected =
            b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b);
        EXPECT_EQ(folded[static_cast<std::size_t>(b)], expected) << b;
    }
}

TEST(Strings, IequalsIgnoresAsciiCaseOnly) {
    EXPECT_TRUE(iequals("Contoso.COM", "contoso.com"));
    EXPECT_FALSE(iequals("contoso.com", "contoso.co"));
    EXPECT_FALSE(iequals("\xC3\x89", "\xC3\xA9"));  // É and é differ outside ASCII
    EXPECT_FALSE(iequals("@", "`"));                // 0x40 and 0x60 differ by the case bit only
    EXPECT_TRUE(iequals("", ""));
}

}  // namespace
}  // namespace edgeplan::strings
