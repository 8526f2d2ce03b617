// tools/Collect-EdgeplanInputs.ps1 cannot run here (no PowerShell), so this reads its structure:
// strings, comments and brackets balance, every command it names is a documented cmdlet, each
// Get-Cs cmdlet it runs is in docs/collect.md, and it never asks for secrets.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/support/files.h"

namespace {

using namespace edgeplan::test_files;

const std::string kScript = std::string(EDGEPLAN_SOURCE_DIR) + "/tools/Collect-EdgeplanInputs.ps1";

// Cmdlets the script may name, from their reference pages: the Skype for Business Server module
// (learn.microsoft.com/powershell/module/skypeforbusiness/) and the PowerShell modules
// Microsoft.PowerShell.Core, .Management, .Utility and .Archive.
const std::set<std::string> kDocumented = {
    // skypeforbusiness
    "Get-CsAccessEdgeConfiguration",
    "Get-CsAllowedDomain",
    "Get-CsBlockedDomain",
    "Get-CsCertificate",
    "Get-CsExternalAccessPolicy",
    "Get-CsHostingProvider",
    "Get-CsMediaConfiguration",
    "Get-CsPool",
    "Get-CsPublicProvider",
    "Get-CsPushNotificationConfiguration",
    "Get-CsService",
    "Get-CsSipDomain",
    "Get-CsSite",
    "Get-CsTopology",
    "Get-CsXmppAllowedPartner",
    "Get-CsXmppGatewayConfiguration",
    // Microsoft.PowerShell.*
    "Compress-Archive",
    "Export-Clixml",
    "ForEach-Object",
    "Get-ChildItem",
    "Get-Credential",
    "Import-Module",
    "Invoke-Command",
    "Join-Path",
    "New-Item",
    "Out-File",
    "Out-Null",
    "Resolve-Path",
    "Select-Object",
    "Where-Object",
    "Write-Host",
    "Write-Warning",
};

struct Scan {
    std::string code;     // the script with comments removed and string contents blanked
    std::string strings;  // the string contents, one per line
    std::string error;
};

// A small PowerShell lexer: '...' (with '' inside), "..." (with ` escapes), # and <# #>
// comments. Enough to find brackets and command names outside strings and comments.
Scan scan(const std::string& s) {
    Scan out;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '<' && s.compare(i, 2, "<#") == 0) {
            const std::size_t end = s.find("#>", i + 2);
            if (end == std::string::npos) return {out.code, out.strings, "unclosed <# comment"};
            i = end + 2;
        } else if (c == '#') {
            while (i < s.size() && s[i] != '\n') ++i;
        } else if (c == '\'' || c == '"') {
            const char quote = c;
            std::string text;
            ++i;
            for (;;) {
                if (i >= s.size()) return {out.code, out.strings, "unclosed string"};
                if (quote == '"' && s[i] == '`') {
                    text += s.substr(i, 2);
                    i += 2;
                } else if (s[i] == quote && i + 1 < s.size() && s[i + 1] == quote) {
                    text += quote;
                    i += 2;
                } else if (s[i] == quote) {
                    ++i;
                    break;
                } else {
                    text += s[i++];
                }
            }
            out.code += "''";
            out.strings += text + "\n";
        } else {
            out.code += c;
            ++i;
        }
    }
    return out;
}

TEST(CollectorScript, BracketsStringsAndCommentsBalance) {
    const Scan s = scan(read_text(kScript));
    ASSERT_TRUE(s.error.empty()) << s.error;
    std::vector<char> stack;
    for (char c : s.code) {
        if (c == '(' || c == '{' || c == '[') stack.push_back(c);
        if (c == ')' || c == '}' || c == ']') {
            const char open = c == ')' ? '(' : c == '}' ? '{' : '[';
            ASSERT_FALSE(stack.empty()) << "unmatched " << c;
            ASSERT_EQ(stack.back(), open) << "mismatched " << c;
            stack.pop_back();
        }
    }
    EXPECT_TRUE(stack.empty()) << stack.size() << " unclosed";
    // The script's parameters are declared in one param() block, after [CmdletBinding()].
    EXPECT_NE(s.code.find("[CmdletBinding()]\nparam("), std::string::npos);
}

TEST(CollectorScript, EveryCommandIsDocumentedAndInCollectMd) {
    const Scan s = scan(read_text(kScript));
    const std::string collect = read_text(std::string(EDGEPLAN_SOURCE_DIR) + "/docs/collect.md");
    static const std::regex command(R"(\b[A-Z][A-Za-z]+-[A-Z][A-Za-z]+\b)");
    std::set<std::string> named;
    for (const std::string* part : {&s.code, &s.strings}) {
        for (std::sregex_iterator it(part->begin(), part->end(), command), end; it != end; ++it) {
            named.insert(it->str());
        }
    }
    // The script's own name and the functions it defines are not cmdlets.
    named.erase("Collect-EdgeplanInputs");
    static const std::regex function(R"(\bfunction\s+([A-Za-z]+-[A-Za-z]+))");
    for (std::sregex_iterator it(s.code.begin(), s.code.end(), function), end; it != end; ++it) {
        named.erase((*it)[1].str());
    }
    ASSERT_GE(named.size(), 20u);
    for (const std::string& name : named) {
        EXPECT_TRUE(kDocumented.count(name)) << name << " is not a documented cmdlet";
        if (name.rfind("Get-Cs", 0) == 0) {
            EXPECT_NE(collect.find("`" + name), std::string::npos)
                << name << " is not documented in docs/collect.md";
        }
    }
    // Every Get-Cs cmdlet that --settings-from reads is collected.
    for (const char* cmdlet :
         {"Get-CsAccessEdgeConfiguration", "Get-CsAllowedDomain", "Get-CsBlockedDomain",
          "Get-CsHostingProvider", "Get-CsPublicProvider", "Get-CsExternalAccessPolicy",
          "Get-CsXmppAllowedPartner", "Get-CsSite", "Get-CsSipDomain", "Get-CsMediaConfiguration",
          "Get-CsService", "Get-CsCertificate", "Get-CsPushNotificationConfiguration",
          "Get-CsTopology"}) {
        EXPECT_TRUE(named.count(cmdlet)) << cmdlet << " is not collected";
    }
}

TEST(CollectorScript, ReadsOnlyAndLeavesSecretsOut) {
    const Scan s = scan(read_text(kScript));
    static const std::regex verb(R"(\b(Set|New|Remove|Grant|Enable|Disable|Export-Pfx)\-Cs)");
    EXPECT_FALSE(std::regex_search(s.code, verb)) << "the collector only reads";
    EXPECT_EQ(s.code.find("Export-PfxCertificate"), std::string::npos);
    // It reads whether a key may be exported (CERT-EXT-12), never the key: no export method of
    // a certificate or key object, no key blob, no .PrivateKey object written out.
    static const std::regex key_export(
        R"(\.Export(Parameters|CspBlob|Pkcs8PrivateKey|RSAPrivateKey|EncryptedPkcs8PrivateKey)?\s*\(|\.PrivateKey\b|Export-Certificate)");
    EXPECT_FALSE(std::regex_search(s.code, key_export)) << "the collector must not export keys";
    // The store export names exactly the properties it writes.
    EXPECT_NE(s.code.find("Select-Object Thumbprint, Subject, NotAfter, HasPrivateKey,"),
              std::string::npos);
    // Get-CsXmppGatewayConfiguration carries the dialback passphrase: it must be excluded.
    const std::string text = read_text(kScript);
    EXPECT_NE(text.find("-ExcludeProperty DialbackPassphrase"), std::string::npos);
}

}  // namespace
