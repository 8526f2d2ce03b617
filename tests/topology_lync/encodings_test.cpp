// Real exports arrive as UTF-16LE with BOM (Windows PowerShell's default for > and Out-File),
// UTF-8 with or without BOM, LF or CRLF (topology-xml.md 1). Each real file, re-encoded at test
// time, must import to exactly the same model, source positions included.
#include <functional>
#include <tuple>

#include <gtest/gtest.h>

#include "lync_test_support.h"
#include "tests/support/required.h"

namespace edgeplan::topology::lync_test {
namespace {

struct Encoding {
    std::string name;
    std::function<std::string(const std::string&)> encode;
};

// Rows print as their names in gtest output.
void PrintTo(const Encoding& row, std::ostream* out) { *out << row.name; }

std::vector<Encoding> encodings() {
    return {
        {"identical_as_utf16le_bom_crlf",
         [](const std::string& t) { return to_utf16(to_crlf(t), false); }},
        {"identical_as_utf16le_bom_lf",
         [](const std::string& t) { return to_utf16(to_lf(t), false); }},
        {"identical_as_utf16be_bom_crlf",
         [](const std::string& t) { return to_utf16(to_crlf(t), true); }},
        {"identical_as_utf8_without_bom_lf",
         [](const std::string& t) { return strip_utf8_bom(to_lf(t)); }},
        {"identical_as_utf8_without_bom_crlf",
         [](const std::string& t) { return strip_utf8_bom(to_crlf(t)); }},
        {"identical_as_utf8_with_bom_crlf",
         [](const std::string& t) { return "\xEF\xBB\xBF" + strip_utf8_bom(to_crlf(t)); }},
    };
}

const std::vector<std::string> kRealFiles = {
    "SfBAutomatedLab-Contoso.tbxml",
    "SkypeforBusiness_lab_V3-DefaultTopology_Skype.xml",
    "powershell-skype-DefaultTopology.xml",
};

class ReEncoded : public ::testing::TestWithParam<std::tuple<std::string, Encoding>> {};

TEST_P(ReEncoded, ImportsIdentically) {
    const auto& [file, encoding] = GetParam();
    const std::string path = real_dir() + "/" + file;
    if (!exists(path)) EDGEPLAN_REQUIRED_MISSING() << path << " is not available";
    const std::string original = read_bytes(path);
    const std::string encoded = encoding.encode(original);
    if (encoded == original) GTEST_SKIP() << "the file is stored in this encoding already";
    const std::string expected = describe_model(load_text(path, original));
    EXPECT_EQ(describe_model(load_text(path, encoded)), expected);
}

INSTANTIATE_TEST_SUITE_P(LyncReal, ReEncoded,
                         ::testing::Combine(::testing::ValuesIn(kRealFiles),
                                            ::testing::ValuesIn(encodings())),
                         [](const auto& row) {
                             std::string file = std::get<0>(row.param);
                             for (char& c : file) {
                                 if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return std::get<1>(row.param).name + "_" + file;
                         });

}  // namespace
}  // namespace edgeplan::topology::lync_test
