// The catalogue is output too (STYLE.md): every registered check has a unique, well-formed ID,
// a doc page, a test that asserts a finding of it, citations and a remediation, and
// docs/checks/README.md is exactly `edgeplan checks --format markdown`.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "checks/partners/partner_rules.h"
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

std::vector<const checks::CheckInfo*> infos_of(const std::vector<checks::CheckInfo>& all) {
    std::vector<const checks::CheckInfo*> infos;
    for (const checks::CheckInfo& info : all) infos.push_back(&info);
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

// What "a test asserts a finding with that ID" means here. An ID counts as tested when at least
// one of these holds:
//  1. Assertion: in a *_test.cpp under tests/checks (offline checks), tests/checks_live (probe
//     checks) or tests/partners (the rules of `edgeplan partners`), comments stripped, the string
//     literal "ID" stands a. anywhere inside the parentheses of an EXPECT_* or ASSERT_* macro (it
//     is part of what
//        the assertion compares, e.g. EXPECT_EQ(f.check_id, "FED-01"));
//     b. directly as an argument of run_rows(check, "ID", rows) (tests/checks/test_model.h),
//        which asserts that every finding of every row carries that ID and the row's status;
//     c. directly as an element of a table row whose first element is the row's name starting
//        with the status it expects ({"fail - closed", ext, "PORT-EXT-01", ...}: STYLE.md's
//        table-driven tests, whose TEST_P runs the row's check and asserts that status).
//     A literal elsewhere (a plan row built by hand, a lambda that edits the model, a mention in
//     a message) does not count.
//  2. Golden: a golden file that a test compares with a real run holds a finding with that
//     check_id: samples/*/expected-plan.json (tests/samples/golden_test.cpp) and
//     tests/fixtures/replay/*/*.findings.jsonl (tests/samples/replay_test.cpp).

bool is_id(const std::string& text) {
    static const std::regex grammar("^[A-Z]+(-[A-Z0-9]+)*-[0-9]{2}$");
    return std::regex_match(text, grammar);
}

// The identifier that ends just before `at` (the name of a call or macro), or "".
std::string name_before(const std::string& text, std::size_t at) {
    std::size_t end = at;
    while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    std::size_t begin = end;
    while (begin > 0 &&
           (std::isalnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '_')) {
        --begin;
    }
    return text.substr(begin, end - begin);
}

bool is_assertion(const std::string& name) {
    return name.rfind("EXPECT_", 0) == 0 || name.rfind("ASSERT_", 0) == 0;
}

// Whether the row opened at `brace` starts with a name naming its expected status.
bool is_status_row(const std::string& text, std::size_t brace) {
    static const std::regex named_row(R"(^\{\s*"(pass|warn|fail|skip|error) - )");
    return std::regex_search(text.substr(brace, 64), named_row);
}

// The IDs that `source` (comments stripped) asserts under rule 1.
std::set<std::string> asserted_ids(const std::string& source) {
    std::set<std::string> ids;
    std::vector<std::size_t> open;  // positions of the unclosed ( and {
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        if (c == '(' || c == '{') {
            open.push_back(i);
        } else if ((c == ')' || c == '}') && !open.empty()) {
            open.pop_back();
        } else if (c == '\'') {
            for (++i; i < source.size() && source[i] != '\''; ++i) {
                if (source[i] == '\\') ++i;
            }
        } else if (c == '"' && i > 0 && source[i - 1] == 'R') {
            const std::size_t paren = source.find('(', i);
            const std::string close = ")" + source.substr(i + 1, paren - i - 1) + "\"";
            const std::size_t end = source.find(close, paren);
            i = end == std::string::npos ? source.size() : end + close.size() - 1;
        } else if (c == '"') {
            std::string literal;
            for (++i; i < source.size() && source[i] != '"'; ++i) {
                if (source[i] == '\\') ++i;
                literal += source[i];
            }
            if (!is_id(literal) || open.empty()) continue;
            const std::size_t top = open.back();
            bool asserted = (source[top] == '(' && name_before(source, top) == "run_rows") ||
                            (source[top] == '{' && is_status_row(source, top));
            for (const std::size_t at : open) {
                if (source[at] == '(' && is_assertion(name_before(source, at))) asserted = true;
            }
            if (asserted) ids.insert(literal);
        }
    }
    return ids;
}

// Rule 1 over every *_test.cpp under tests/checks, tests/checks_live and tests/partners except
// this file.
std::set<std::string> ids_asserted_by_tests() {
    std::set<std::string> ids;
    for (const char* folder : {"checks", "checks_live", "partners"}) {
        const fs::path root = fs::path(EDGEPLAN_SOURCE_DIR) / "tests" / folder;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const std::string name = entry.path().filename().string();
            if (name == "catalogue_test.cpp" || name.size() < 9 ||
                name.substr(name.size() - 9) != "_test.cpp") {
                continue;
            }
            for (const std::string& id : asserted_ids(without_comments(read(entry.path())))) {
                ids.insert(id);
            }
        }
    }
    return ids;
}

// Rule 2: the check IDs of the findings in the goldens that tests compare with real runs.
std::set<std::string> ids_in_goldens() {
    std::set<std::string> ids;
    const fs::path source(EDGEPLAN_SOURCE_DIR);
    for (const auto& entry : fs::directory_iterator(source / "samples")) {
        const fs::path golden = entry.path() / "expected-plan.json";
        if (!fs::exists(golden)) continue;
        // Named: a range-for over a member of a temporary would read a destroyed document.
        const nlohmann::json document = nlohmann::json::parse(read(golden));
        for (const auto& finding : document.at("findings")) {
            ids.insert(finding.at("check_id").get<std::string>());
        }
    }
    if (!fs::is_directory(source / "tests" / "fixtures")) return ids;
    for (const auto& entry : fs::recursive_directory_iterator(source / "tests" / "fixtures")) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 15 || name.substr(name.size() - 15) != ".findings.jsonl") continue;
        std::istringstream lines(read(entry.path()));
        for (std::string line; std::getline(lines, line);) {
            if (!line.empty())
                ids.insert(nlohmann::json::parse(line).at("check_id").get<std::string>());
        }
    }
    return ids;
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

// Rule 1 on the forms it accepts and the ones it must not.
TEST(Catalogue, OnlyAnAssertedLiteralCountsAsATest) {
    const std::string source = R"cpp(
        EXPECT_EQ(f.check_id, "AB-01");
        run_rows(check, "AB-02", {{"pass - one", EDIT(m.rule = "AB-03"), Status::pass, "t"}});
        const Row rows[] = {{"fail - closed", ext, "AB-04", "tcp:203.0.113.1:443"}};
        srv.rule = "AB-05";
        EXPECT_TRUE(has(findings, {"AB-06", "topology"}));
        const Row plain[] = {{"a plan row", "AB-07"}};
        log("AB-08 is not tested here");
        ASSERT_NE(find(findings, "AB-09"), nullptr);
    )cpp";
    EXPECT_EQ(asserted_ids(source),
              (std::set<std::string>{"AB-01", "AB-02", "AB-04", "AB-06", "AB-09"}));
}

// Every entry `edgeplan checks` lists: the checks and the partner rules (checks/registry.h).
TEST(Catalogue, EveryCheckHasMetadataDocAndTest) {
    const auto all = checks::catalogue_infos();
    std::set<std::string> tested = ids_asserted_by_tests();
    for (const std::string& id : ids_in_goldens()) tested.insert(id);
    const fs::path docs = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "checks";
    for (const checks::CheckInfo& info : all) {
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
        EXPECT_TRUE(tested.count(info.id))
            << "no test asserts a finding of " << info.id
            << " (see ids_asserted_by_tests and ids_in_goldens for what counts)";
    }
}

// A check either has a row in the repository's requirement catalogue (docs/requirements.md), or
// an ID no row uses and a doc that says so.
TEST(Catalogue, IdsMatchTheRequirementsCatalogue) {
    const fs::path rules = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "requirements.md";
    ASSERT_TRUE(fs::exists(rules)) << rules;
    const std::string catalogue = read(rules);
    const fs::path docs = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "checks";
    for (const checks::CheckInfo& info : checks::catalogue_infos()) {
        const std::string& id = info.id;
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
    const auto all = checks::catalogue_infos();
    std::ostringstream rendered;
    report::render_catalogue_markdown(infos_of(all), rendered);
    const fs::path readme = fs::path(EDGEPLAN_SOURCE_DIR) / "docs" / "checks" / "README.md";
    EXPECT_EQ(read(readme), rendered.str())
        << "regenerate with: edgeplan checks --format markdown > docs/checks/README.md";
}

TEST(Catalogue, JsonListsEveryCheckWithItsCitations) {
    const auto all = checks::catalogue_infos();
    const nlohmann::json json = report::catalogue_to_json(infos_of(all));
    ASSERT_EQ(json.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(json[i]["id"], all[i].id);
        EXPECT_EQ(json[i]["kind"], checks::to_string(all[i].kind));
        EXPECT_EQ(json[i]["citations"].size(), all[i].citations.size());
    }
}

// The listed catalogue is every check plus every partner rule, in ID order, each once.
TEST(Catalogue, ListsTheChecksAndThePartnerRules) {
    const auto all = checks::catalogue_infos();
    EXPECT_EQ(all.size(),
              checks::make_all_checks().size() + checks::partners::partner_rule_catalogue().size());
    std::set<std::pair<std::string, std::string>> keys;
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_TRUE(keys.insert({all[i].id, checks::to_string(all[i].kind)}).second) << all[i].id;
        if (i > 0) {
            EXPECT_LE(all[i - 1].id, all[i].id);
        }
    }
    for (const checks::CheckInfo& rule : checks::partners::partner_rule_catalogue()) {
        EXPECT_TRUE(keys.count({rule.id, checks::to_string(rule.kind)})) << rule.id;
    }
}

}  // namespace edgeplan::testing
