// The catalogue is output too (STYLE.md): every registered check has a unique, well-formed ID,
// a doc page, a test that names it, citations and a remediation, and docs/checks/README.md is
// exactly `edgeplan checks --format markdown`.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "checks/registry.h"
#include "report/renderers.h"

namespace edgeplan::testing {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<const checks::CheckInfo*> infos_of(
    const std::vector<std::unique_ptr<checks::Check>>& all) {
    std::vector<const checks::CheckInfo*> infos;
    for (const auto& check : all) infos.push_back(&check->info());
    return infos;
}

// `source` without its comments (// to the end of the line, /* ... */), string and character
// literals kept: an ID named only in a comment is not a test of that ID.
std::string without_comments(const std::string& source) {
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        const char next = i + 1 < source.size() ? source[i + 1] : '\0';
        if (c == '"' && i > 0 && source[i - 1] == 'R') {
            // Raw string R"delim( ... )delim": copied whole.
            const std::size_t open = source.find('(', i);
            const std::string close =
                ")" + source.substr(i + 1, open == std::string::npos ? 0 : open - i - 1) + "\"";
            const std::size_t end = open == std::string::npos ? open : source.find(close, open);
            const std::size_t stop = end == std::string::npos ? source.size() : end + close.size();
            out += source.substr(i, stop - i);
            i = stop - 1;
        } else if (c == '"' || c == '\'') {
            // A literal runs to the matching unescaped quote.
            out += c;
            for (++i; i < source.size() && source[i] != c; ++i) {
                out += source[i];
                if (source[i] == '\\' && i + 1 < source.size()) out += source[++i];
            }
            if (i < source.size()) out += source[i];
        } else if (c == '/' && next == '/') {
            while (i < source.size() && source[i] != '\n') ++i;
            out += '\n';
        } else if (c == '/' && next == '*') {
            const std::size_t end = source.find("*/", i + 2);
            i = end == std::string::npos ? source.size() : end + 1;
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// Every *_test.cpp under tests/checks (offline checks) and tests/checks_live (probe checks)
// except this file, concatenated, without comments.
std::string check_test_sources() {
    std::string text;
    for (const char* folder : {"checks", "checks_live"}) {
        const fs::path root = fs::path(EDGEPLAN_SOURCE_DIR) / "tests" / folder;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const std::string name = entry.path().filename().string();
            if (name == "catalogue_test.cpp" || name.size() < 9 ||
                name.substr(name.size() - 9) != "_test.cpp") {
                continue;
            }
            text += without_comments(read(entry.path()));
        }
    }
    return text;
}

}  // namespace

TEST(Catalogue, IdsAreUniqueSortedAndWellFormed) {
    const auto all = checks::make_all_checks();
    ASSERT_FALSE(all.empty());
    const std::regex grammar("^[A-Z]+(-[A-Z0-9]+)*-[0-9]{2}$");
    // A rule checked both offline and on the network has one entry per kind, offline first.
    std::set<std::pair<std::string, std::string>> keys;
    std::string previous;
    checks::CheckKind previous_kind = checks::CheckKind::offline;
    for (const auto& check : all) {
        const std::string& id = check->info().id;
        const checks::CheckKind kind = check->info().kind;
        EXPECT_TRUE(std::regex_match(id, grammar)) << id;
        EXPECT_TRUE(keys.insert({id, checks::to_string(kind)}).second) << "duplicate " << id;
        EXPECT_LE(previous, id) << "registry not sorted at " << id;
        if (previous == id) {
            EXPECT_TRUE(previous_kind == checks::CheckKind::offline &&
                        kind != checks::CheckKind::offline)
                << id << ": the offline entry comes first, then one live entry";
        }
        previous = id;
        previous_kind = kind;
    }
}

TEST(Catalogue, EveryCheckHasMetadataDocAndTest) {
    const auto all = checks::make_all_checks();
    const std::string tests = check_test_sources();
    const fs::path docs = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "checks";
    for (const auto& check : all) {
        const checks::CheckInfo& info = check->info();
        SCOPED_TRACE(info.id);
        EXPECT_FALSE(info.title.empty());
        EXPECT_FALSE(info.area.empty());
        EXPECT_FALSE(info.scenarios.empty());
        EXPECT_FALSE(info.remediation.empty());
        ASSERT_FALSE(info.citations.empty());
        for (const checks::Citation& citation : info.citations) {
            EXPECT_FALSE(citation.key.empty());
            EXPECT_FALSE(citation.page.empty());
        }
        const fs::path doc = docs / (info.id + ".md");
        ASSERT_TRUE(fs::exists(doc)) << doc;
        const std::string text = read(doc);
        EXPECT_NE(text.find("# " + info.id), std::string::npos) << "doc title names the ID";
        for (const checks::Citation& citation : info.citations) {
            EXPECT_NE(text.find(citation.key), std::string::npos) << "doc cites " << citation.key;
        }
        EXPECT_NE(tests.find("\"" + info.id + "\""), std::string::npos)
            << "no test under tests/checks or tests/checks_live names " << info.id
            << " outside a comment";
    }
}

// A check either has a row in the repository's requirement catalogue (docs/requirements.md), or
// an ID no row uses and a doc that says so.
TEST(Catalogue, IdsMatchTheRequirementsCatalogue) {
    const fs::path rules = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "requirements.md";
    ASSERT_TRUE(fs::exists(rules)) << rules;
    const std::string catalogue = read(rules);
    const fs::path docs = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "checks";
    for (const auto& check : checks::make_all_checks()) {
        const std::string& id = check->info().id;
        const bool has_row = catalogue.find("| " + id + " |") != std::string::npos;
        const bool says_no_row =
            read(docs / (id + ".md")).find("no catalogue row") != std::string::npos;
        EXPECT_NE(has_row, says_no_row) << id;
    }
}

// Every row of the catalogue links at least one Microsoft page, and the catalogue is
// self-contained: nothing in it points outside the repository.
TEST(Catalogue, EveryRequirementRowLinksItsMicrosoftSource) {
    const std::string catalogue = read(fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "requirements.md");
    std::istringstream lines(catalogue);
    std::size_t rows = 0;
    for (std::string line; std::getline(lines, line);) {
        // A rule row: "| AREA-...-NN | ..." (the contradictions table uses "| A-NN |").
        if (line.rfind("| ", 0) != 0 || line.rfind("| A-", 0) == 0) continue;
        const std::size_t end = line.find(" |", 2);
        const std::string id = line.substr(2, end == std::string::npos ? 0 : end - 2);
        // Rule IDs end in a number of their own ("CERT-EXT-01"); scenario rows such as
        // "FED-OCS2007" end in a word that merely contains digits.
        const std::size_t dash = id.rfind('-');
        const std::string number = dash == std::string::npos ? "" : id.substr(dash + 1);
        if (id.size() < 4 || number.empty() ||
            number.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        ++rows;
        EXPECT_NE(line.find("](https://learn.microsoft.com/"), std::string::npos) << id;
    }
    EXPECT_GT(rows, 150u) << "the catalogue lost its rule rows";
    EXPECT_EQ(catalogue.find("../shared"), std::string::npos);
    EXPECT_EQ(catalogue.find("lync-rules.md"), std::string::npos);
}

TEST(Catalogue, ReadmeIsTheRenderedCatalogue) {
    const auto all = checks::make_all_checks();
    std::ostringstream rendered;
    report::render_catalogue_markdown(infos_of(all), rendered);
    const fs::path readme = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "checks" / "README.md";
    EXPECT_EQ(read(readme), rendered.str())
        << "regenerate with: edgeplan checks --format markdown > docs/checks/README.md";
}

TEST(Catalogue, JsonListsEveryCheckWithItsCitations) {
    const auto all = checks::make_all_checks();
    const nlohmann::json json = report::catalogue_to_json(infos_of(all));
    ASSERT_EQ(json.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(json[i]["id"], all[i]->info().id);
        EXPECT_EQ(json[i]["kind"], checks::to_string(all[i]->info().kind));
        EXPECT_EQ(json[i]["citations"].size(), all[i]->info().citations.size());
    }
}

}  // namespace edgeplan::testing
