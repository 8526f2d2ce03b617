#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "../report/sample_report.h"
#include "gated_report.h"
#include "report/ci_renderers.h"
#include "report/sha256.h"
#include "tests/support/files.h"
#include "tests/support/required.h"

namespace edgeplan::report {
namespace {

using checks::Status;
using nlohmann::json;

const json* result_for(const json& sarif, const std::string& rule_id) {
    for (const json& r : sarif["runs"][0]["results"]) {
        if (r["ruleId"] == rule_id) return &r;
    }
    return nullptr;
}

TEST(Sarif, OneRulePerCatalogueCheck) {
    const Report r = testing::sample_report();
    const json sarif = to_sarif(r);
    EXPECT_EQ(sarif["version"], "2.1.0");
    ASSERT_EQ(sarif["runs"].size(), 1u);
    const json& driver = sarif["runs"][0]["tool"]["driver"];
    EXPECT_EQ(driver["name"], "edgeplan");
    EXPECT_EQ(driver["version"], r.tool_version);
    ASSERT_EQ(driver["rules"].size(), r.catalogue.size());
    std::size_t i = 0;
    for (const auto& [id, info] : r.catalogue) {
        const json& rule = driver["rules"][i++];
        EXPECT_EQ(rule["id"], id.id);
        EXPECT_EQ(rule["shortDescription"]["text"], info.title);
        const std::string help = rule["help"]["text"];
        EXPECT_NE(help.find(info.remediation), std::string::npos) << help;
        EXPECT_NE(help.find(info.citations[0].key), std::string::npos) << help;
        EXPECT_EQ(rule["properties"]["tags"], json::array({info.area, "offline"}));
        EXPECT_EQ(rule["defaultConfiguration"]["level"],
                  info.severity == checks::Severity::must ? "error" : "warning");
    }
}

// One row per status: whether a result appears and at which level.
struct ResultRow {
    const char* name;
    const char* check_id;  // the sample finding of that status
    const char* level;     // nullptr: no result
};

void PrintTo(const ResultRow& row, std::ostream* os) { *os << row.name; }

class SarifResult : public ::testing::TestWithParam<ResultRow> {};

TEST_P(SarifResult, LevelFromStatus) {
    const ResultRow& row = GetParam();
    const json sarif = to_sarif(testing::sample_report());
    const json* result = result_for(sarif, row.check_id);
    if (row.level == nullptr) {
        EXPECT_EQ(result, nullptr) << result->dump();
        return;
    }
    ASSERT_NE(result, nullptr);
    EXPECT_EQ((*result)["level"], row.level);
    const json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
    EXPECT_EQ(rules[(*result)["ruleIndex"].get<std::size_t>()]["id"], row.check_id);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SarifResult,
    ::testing::Values(ResultRow{"error_level_for_fail", "CERT-EXT-01", "error"},
                      ResultRow{"warning_level_for_warn", "DNS-SRV-FED-01", "warning"},
                      ResultRow{"error_level_for_error", "TOPO-NAT-01", "error"},
                      ResultRow{"omitted_pass", "DNS-A-EXT-01", nullptr},
                      ResultRow{"omitted_skip", "PORT-EXT-12", nullptr}),
    [](const auto& p) { return std::string(p.param.name); });

// One row per kind of source location.
struct LocationRow {
    const char* name;
    topology::SourceLocation where;
    const char* uri;
    int line;    // 0: no region
    int column;  // 0: no startColumn
};

void PrintTo(const LocationRow& row, std::ostream* os) { *os << row.name; }

class SarifLocation : public ::testing::TestWithParam<LocationRow> {};

TEST_P(SarifLocation, PhysicalLocation) {
    const LocationRow& row = GetParam();
    Report r = testing::sample_report();
    r.findings[0].where = row.where;  // CERT-EXT-01, a fail
    const json sarif = to_sarif(r);
    const json& result = *result_for(sarif, "CERT-EXT-01");
    const json& physical = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(physical["artifactLocation"]["uri"], row.uri);
    EXPECT_EQ(physical.contains("region"), row.line > 0) << physical.dump();
    if (row.line > 0) {
        EXPECT_EQ(physical["region"]["startLine"], row.line);
        EXPECT_EQ(physical["region"].contains("startColumn"), row.column > 0);
        if (row.column > 0) {
            EXPECT_EQ(physical["region"]["startColumn"], row.column);
        }
    }
    EXPECT_EQ(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
              "file:certs/edge.pfx");
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SarifLocation,
    ::testing::Values(
        LocationRow{"region_with_line_and_column", {"topology.xml", 30, 7}, "topology.xml", 30, 7},
        LocationRow{"region_with_line_only", {"topology.xml", 30, 0}, "topology.xml", 30, 0},
        LocationRow{"no_region_file_only", {"topology.xml", 0, 0}, "topology.xml", 0, 0},
        LocationRow{"fallback_to_topology_input", {}, "samples/contoso/topology.xml", 0, 0},
        LocationRow{"percent_encoded_path", {"my topo/t#1.xml", 2, 1}, "my%20topo/t%231.xml", 2, 1},
        LocationRow{"file_uri_for_absolute_path", {"/srv/t.xml", 3, 4}, "file:///srv/t.xml", 3, 4}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Sarif, FingerprintIsStableAndKeyedOnCheckAndSubject) {
    Report r = testing::sample_report();
    const json before = *result_for(to_sarif(r), "CERT-EXT-01");
    const std::string fingerprint = before["partialFingerprints"]["edgeplanSubject/v1"];
    EXPECT_EQ(fingerprint, sha256_hex("CERT-EXT-01|file:certs/edge.pfx"));
    // Moving the element in the file or rewording the message keeps it...
    r.findings[0].where = {"topology.xml", 99, 1};
    r.findings[0].message = "reworded";
    EXPECT_EQ(
        (*result_for(to_sarif(r), "CERT-EXT-01"))["partialFingerprints"]["edgeplanSubject/v1"],
        fingerprint);
    // ...another subject changes it.
    r.findings[0].subject = "file:certs/other.pfx";
    EXPECT_NE(
        (*result_for(to_sarif(r), "CERT-EXT-01"))["partialFingerprints"]["edgeplanSubject/v1"],
        fingerprint);
}

// FIPS 180-2 appendix B examples and the empty string.
struct DigestRow {
    const char* name;
    std::string input;
    const char* hex;
    const char* base64;
};

void PrintTo(const DigestRow& row, std::ostream* os) { *os << row.name; }

class Sha256 : public ::testing::TestWithParam<DigestRow> {};

TEST_P(Sha256, KnownVectors) {
    EXPECT_EQ(sha256_hex(GetParam().input), GetParam().hex);
    EXPECT_EQ(sha256_base64(GetParam().input), GetParam().base64);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Sha256,
    ::testing::Values(
        DigestRow{"empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="},
        DigestRow{"abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                  "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="},
        DigestRow{"two_blocks", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                  "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="},
        DigestRow{"million_a", std::string(1000000, 'a'),
                  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
                  "zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA="}),
    [](const auto& p) { return std::string(p.param.name); });

// Schema validation: rendered documents, and broken ones to show the schema bites.
const std::string schema_path =
    EDGEPLAN_SOURCE_DIR "/tests/report_formats/sarif-subset.schema.json";

constexpr const char* validator =
    "import json,jsonschema,sys\n"
    "schema=json.load(open(sys.argv[1],encoding=\"utf-8\"))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "doc=json.load(open(sys.argv[2],encoding=\"utf-8\"))\n"
    "v=jsonschema.Draft202012Validator(schema,format_checker=jsonschema.FormatChecker())\n"
    "errors=list(v.iter_errors(doc))\n"
    "[print(e.json_path, e.message, file=sys.stderr) for e in errors]\n"
    "sys.exit(1 if errors else 0)\n";

struct SchemaRow {
    const char* name;
    std::function<Report()> build;
    std::function<void(json&)> mutate;
    bool valid;
};

void PrintTo(const SchemaRow& row, std::ostream* os) { *os << row.name; }

class SarifSchema : public ::testing::TestWithParam<SchemaRow> {};

TEST_P(SarifSchema, ValidatesWithJsonschema) {
    if (!test_files::have("python3 -c 'import jsonschema'")) {
        EDGEPLAN_REQUIRED_MISSING() << "python3 jsonschema not installed";
    }
    const SchemaRow& row = GetParam();
    json document = to_sarif(row.build());
    row.mutate(document);
    test_files::TempDir dir;
    test_files::write_text(dir.path() / "validate.py", validator);
    test_files::write_text(dir.path() / "report.sarif",
                           document.dump(2, ' ', false, json::error_handler_t::replace));
    const int status =
        test_files::run("python3 " + test_files::quote(dir.path() / "validate.py") + " '" +
                        schema_path + "' " + test_files::quote(dir.path() / "report.sarif"));
    ASSERT_TRUE(status == 0 || status == 1) << "validator failed to run: " << status;
    EXPECT_EQ(status == 0, row.valid) << document.dump(2);
}

Report full() { return testing::sample_report(); }
void untouched(json&) {}

INSTANTIATE_TEST_SUITE_P(
    Rows, SarifSchema,
    ::testing::Values(
        SchemaRow{"valid_every_status", full, untouched, true},
        SchemaRow{"valid_empty_report", [] { return Report{}; }, untouched, true},
        SchemaRow{"valid_baseline_and_waivers", [] { return testing::gated_report(true, true); },
                  untouched, true},
        SchemaRow{"invalid_suppression_kind", [] { return testing::gated_report(false, true); },
                  [](json& j) { j["runs"][0]["results"][2]["suppressions"][0]["kind"] = "waiver"; },
                  false},
        SchemaRow{"invalid_baseline_state", [] { return testing::gated_report(true, false); },
                  [](json& j) { j["runs"][0]["results"][0]["baselineState"] = "known"; }, false},
        SchemaRow{"invalid_level_name", full,
                  [](json& j) { j["runs"][0]["results"][0]["level"] = "fail"; }, false},
        SchemaRow{"invalid_line_zero", full,
                  [](json& j) {
                      j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
                       ["startLine"] = 0;
                  },
                  false},
        SchemaRow{"invalid_message_without_text", full,
                  [](json& j) { j["runs"][0]["results"][0]["message"] = json::object(); }, false},
        SchemaRow{"invalid_unknown_result_key", full,
                  [](json& j) { j["runs"][0]["results"][0]["severity"] = "high"; }, false},
        SchemaRow{"invalid_other_version", full, [](json& j) { j["version"] = "2.0.0"; }, false}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace edgeplan::report
