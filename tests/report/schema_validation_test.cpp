// Validates rendered reports against docs/schema/report.schema.json with python3-jsonschema
// (Draft 2020-12). Skipped when python3 or its jsonschema module is missing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "report/renderers.h"
#include "sample_report.h"
#include "tests/support/required.h"

namespace edgeplan::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string schema_path = EDGEPLAN_SOURCE_DIR "/docs/schema/report.schema.json";

// Exit status 0: valid; 1: invalid (errors on stderr); anything else: the validator broke.
constexpr const char* validator =
    "import json,jsonschema,sys\n"
    "schema=json.load(open(sys.argv[1],encoding=\"utf-8\"))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "doc=json.load(open(sys.argv[2],encoding=\"utf-8\"))\n"
    "errors=list(jsonschema.Draft202012Validator(schema).iter_errors(doc))\n"
    "[print(e.json_path, e.message, file=sys.stderr) for e in errors]\n"
    "sys.exit(1 if errors else 0)\n";

bool jsonschema_available() {
    return std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") == 0;
}

class TempDir {
  public:
    TempDir() {
        path_ = fs::temp_directory_path() / ("edgeplan-schema-" + std::to_string(::getpid()) + "-" +
                                             std::to_string(++counter_));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

  private:
    static inline int counter_ = 0;
    fs::path path_;
};

// Returns the validator's exit status.
int validate(const json& document) {
    TempDir dir;
    const fs::path script = dir.path() / "validate.py";
    const fs::path doc = dir.path() / "report.json";
    std::ofstream(script) << validator;
    std::ofstream(doc) << document.dump(2);
    const std::string command =
        "python3 '" + script.string() + "' '" + schema_path + "' '" + doc.string() + "'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Report empty_report() {
    Report r;
    r.tool_version = "0.1.0";
    r.command = "plan";
    r.started_at = "2024-05-01T10:00:00Z";
    r.now = "2024-05-01";
    return r;
}

// One row per document: a report built in code, possibly broken after rendering.
struct SchemaRow {
    const char* name;
    std::function<Report()> build;
    std::function<void(json&)> mutate;
    bool valid;
};

// Test logs show the row name, not the bytes of the row.
void PrintTo(const SchemaRow& row, std::ostream* os) { *os << row.name; }

void untouched(json&) {}

class Schema : public ::testing::TestWithParam<SchemaRow> {};

TEST_P(Schema, ValidatesRenderedReports) {
    if (!jsonschema_available()) EDGEPLAN_REQUIRED_MISSING() << "python3 jsonschema not installed";
    const SchemaRow& row = GetParam();
    json document = to_json(row.build());
    row.mutate(document);
    const int status = validate(document);
    ASSERT_TRUE(status == 0 || status == 1) << "validator failed to run: " << status;
    EXPECT_EQ(status == 0, row.valid) << document.dump(2);
}

Report full() { return testing::sample_report(); }

Report catalogue_missing() {
    Report r = testing::sample_report();
    r.catalogue.clear();
    return r;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Schema,
    ::testing::Values(
        SchemaRow{"valid_full_report_every_status", full, untouched, true},
        SchemaRow{"valid_empty_report", empty_report, untouched, true},
        SchemaRow{"valid_findings_without_catalogue", catalogue_missing, untouched, true},
        SchemaRow{"invalid_bad_status", full,
                  [](json& j) { j["findings"][0]["status"] = "passed"; }, false},
        SchemaRow{"invalid_skip_without_reason", full,
                  [](json& j) {
                      for (json& f : j["findings"]) {
                          if (f["status"] == "skip") f.erase("skip_reason");
                      }
                  },
                  false},
        SchemaRow{"invalid_skip_reason_on_fail", full,
                  [](json& j) { j["findings"][0]["skip_reason"] = "not_applicable"; }, false},
        SchemaRow{"invalid_unknown_finding_key", full,
                  [](json& j) { j["findings"][0]["extra"] = true; }, false},
        SchemaRow{"invalid_lowercase_dns_type", full,
                  [](json& j) { j["plan"]["dns"][0]["type"] = "a"; }, false},
        SchemaRow{"invalid_port_out_of_range", full,
                  [](json& j) { j["plan"]["firewall"][0]["port_to"] = 70000; }, false},
        SchemaRow{"invalid_unknown_eku", full,
                  [](json& j) { j["plan"]["certificates"][0]["ekus"][0] = "codeSigning"; }, false},
        SchemaRow{"invalid_evidence_as_object", full,
                  [](json& j) {
                      j["findings"][0]["evidence"] = json{{"fqdn", "x"}};
                  },
                  false},
        SchemaRow{"invalid_missing_summary", full, [](json& j) { j.erase("summary"); }, false},
        SchemaRow{"invalid_other_schema_version", full,
                  [](json& j) { j["schema_version"] = "2.0"; }, false}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace edgeplan::report
