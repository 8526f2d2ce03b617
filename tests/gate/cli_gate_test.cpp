// The gate end to end through the binary: --baseline, --waivers and `edgeplan diff`, their
// exit codes, and their JSON against docs/schema/*.schema.json (python3-jsonschema; those
// checks skip without it). One row per outcome.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/gate/support.h"
#include "tests/support/required.h"

namespace edgeplan::gate_testing {
namespace {

using nlohmann::json;

const std::string failing = source("samples/multi-domain-pic/topology.xml");
const std::string passing = source("samples/s1-single-public/topology.xml");
const std::string now = " --now 2026-06-01";

constexpr const char* validator =
    "import json,jsonschema,sys\n"
    "schema=json.load(open(sys.argv[1],encoding='utf-8'))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "errors=list(jsonschema.Draft202012Validator(schema).iter_errors("
    "json.load(open(sys.argv[2],encoding='utf-8'))))\n"
    "[print(e.json_path, e.message, file=sys.stderr) for e in errors]\n"
    "sys.exit(1 if errors else 0)\n";

// 0 valid, 1 invalid; skips the calling test when jsonschema is missing.
int validate(const TempDir& dir, const std::string& schema, const fs::path& document) {
    const fs::path script = dir.path() / "validate.py";
    write_text(script, validator);
    return run("python3 " + quote(script) + " " + quote(source("docs/schema/" + schema)) + " " +
               quote(document));
}

bool jsonschema_available() { return have("python3 -c 'import jsonschema'"); }

// The failing findings of a JSON report, as waivers expiring on `expires`.
std::string waivers_for(const fs::path& report, const std::string& expires) {
    json list = json::array();
    const json doc = json::parse(read_text(report));
    for (const json& f : doc["findings"]) {
        if (f["status"] != "fail") continue;
        list.push_back({{"check_id", f["check_id"]},
                        {"subject", f["subject"]},
                        {"reason", "accepted in a test"},
                        {"expires", expires}});
    }
    return json{{"schema_version", "1.0"}, {"waivers", list}}.dump(2);
}

TEST(CliGate, PlanExitCodesOneRowPerOutcome) {
    TempDir dir;
    const fs::path base = dir.path() / "base.json";
    ASSERT_EQ(edgeplan("plan " + quote(failing) + now + " --format json", base), 1)
        << "the failing sample must fail for these rows to mean anything";
    write_text(dir.path() / "active.json", waivers_for(base, "2026-12-31"));
    ASSERT_NE(read_text(dir.path() / "active.json").find("check_id"), std::string::npos);
    write_text(dir.path() / "expired.json", waivers_for(base, "2026-05-31"));
    write_text(dir.path() / "broken.json", R"({"schema_version":"1.0"})");
    struct Row {
        std::string name;  // starts with the expected exit code
        std::string args;
        int expected;
    };
    const std::vector<Row> rows{
        {"1 - a failure without gate options", "plan " + quote(failing) + now, 1},
        {"0 - every failure is known from the baseline",
         "plan " + quote(failing) + now + " --baseline " + quote(base), 0},
        {"1 - a baseline from a passing topology knows nothing",
         "plan " + quote(failing) + now + " --baseline " + quote(dir.path() / "passing-base.json"),
         1},
        {"0 - every failure is waived",
         "plan " + quote(failing) + now + " --waivers " + quote(dir.path() / "active.json"), 0},
        {"1 - the waivers expired (WAIVER-01 fails)",
         "plan " + quote(failing) + now + " --waivers " + quote(dir.path() / "expired.json"), 1},
        {"2 - a baseline that is not a report",
         "plan " + quote(failing) + now + " --baseline " + quote(dir.path() / "broken.json"), 2},
        {"2 - a waivers file that does not exist",
         "plan " + quote(failing) + now + " --waivers " + quote(dir.path() / "missing.json"), 2},
        {"2 - check with a broken baseline",
         "check " + quote(failing) + now + " --baseline " + quote(dir.path() / "broken.json"), 2},
    };
    ASSERT_EQ(edgeplan("plan " + quote(passing) + now + " --format json",
                       dir.path() / "passing-base.json"),
              0);
    for (const Row& row : rows) {
        SCOPED_TRACE(row.name);
        ASSERT_EQ(row.name.rfind(std::to_string(row.expected) + " - ", 0), 0u);
        EXPECT_EQ(edgeplan(row.args, dir.path() / "out"), row.expected);
    }
}

TEST(CliGate, GatedReportsShowTheMarksAndMatchTheSchema) {
    TempDir dir;
    const fs::path base = dir.path() / "base.json";
    ASSERT_EQ(edgeplan("plan " + quote(failing) + now + " --format json", base), 1);
    write_text(dir.path() / "w.json", waivers_for(base, "2026-12-31"));
    const fs::path known = dir.path() / "known.json";
    const fs::path waived = dir.path() / "waived.json";
    const fs::path text = dir.path() / "waived.txt";
    const fs::path html = dir.path() / "waived.html";
    ASSERT_EQ(edgeplan("plan " + quote(failing) + now + " --format json --baseline " + quote(base),
                       known),
              0);
    const std::string waivers = " --waivers " + quote(dir.path() / "w.json");
    ASSERT_EQ(edgeplan("plan " + quote(failing) + now + " --format json" + waivers, waived), 0);
    ASSERT_EQ(edgeplan("plan " + quote(failing) + now + " --no-plan" + waivers, text), 0);
    ASSERT_EQ(edgeplan("plan " + quote(failing) + now + " --format html" + waivers, html), 0);

    const json k = json::parse(read_text(known));
    const json w = json::parse(read_text(waived));
    int marked_known = 0;
    for (const json& f : k["findings"]) marked_known += f.value("baseline", "") == "known";
    EXPECT_GT(marked_known, 0);
    EXPECT_EQ(k["summary"]["known"], marked_known);
    int marked_waived = 0;
    for (const json& f : w["findings"]) {
        if (!f.contains("waiver")) continue;
        ++marked_waived;
        EXPECT_EQ(f["waiver"]["reason"], "accepted in a test");
        EXPECT_EQ(f["status"], "fail") << "a waived finding keeps its status";
    }
    EXPECT_GT(marked_waived, 0);
    EXPECT_EQ(w["summary"]["waived"], marked_waived);
    const std::string t = read_text(text);
    EXPECT_NE(t.find("Waived\n------\n  FAIL"), std::string::npos) << t;
    EXPECT_NE(t.find("waived until 2026-12-31: accepted in a test"), std::string::npos);
    const std::string h = read_text(html);
    EXPECT_NE(h.find("id=\"accepted\""), std::string::npos);
    EXPECT_NE(h.find("accepted in a test"), std::string::npos);

    // JUnit and SARIF agree with the exit code (docs/ci-integration.md): with every failure
    // known and waived nothing is a <failure>, and SARIF marks every result.
    const fs::path junit = dir.path() / "out.junit.xml";
    const fs::path sarif = dir.path() / "out.sarif";
    ASSERT_EQ(
        edgeplan("plan " + quote(failing) + now + " --quiet --baseline " + quote(base) + waivers +
                     " --output junit=" + quote(junit) + " --output sarif=" + quote(sarif),
                 dir.path() / "out"),
        0);
    const std::string xml = read_text(junit);
    EXPECT_NE(xml.find("<testsuites name=\"edgeplan plan\" tests="), std::string::npos);
    EXPECT_EQ(xml.find("<failure"), std::string::npos) << "exit 0, so nothing is red";
    EXPECT_NE(xml.find("<skipped message=\"waived: accepted in a test (until 2026-12-31)\""),
              std::string::npos);
    int suppressed = 0;
    const json sarif_doc = json::parse(read_text(sarif));
    for (const json& r : sarif_doc["runs"][0]["results"]) {
        EXPECT_TRUE(r.contains("baselineState")) << r.dump();
        ASSERT_TRUE(r.contains("suppressions")) << r.dump();
        if (r["properties"]["edgeplanStatus"] != "fail") continue;
        EXPECT_EQ(r["baselineState"], "unchanged") << r.dump();
        ASSERT_EQ(r["suppressions"].size(), 1u) << r.dump();
        EXPECT_EQ(r["suppressions"][0]["status"], "accepted");
        ++suppressed;
    }
    EXPECT_GT(suppressed, 0);

    if (!jsonschema_available())
        EDGEPLAN_REQUIRED_MISSING() << "python3-jsonschema is not installed";
    EXPECT_EQ(validate(dir, "report.schema.json", known), 0);
    EXPECT_EQ(validate(dir, "report.schema.json", waived), 0);
    EXPECT_EQ(validate(dir, "waivers.schema.json", dir.path() / "w.json"), 0);
    EXPECT_EQ(validate(dir, "waivers.schema.json", source("docs/examples/waivers.json")), 0);
}

TEST(CliDiff, ExitCodesOneRowPerOutcome) {
    TempDir dir;
    const std::string s3 = source("samples/s3-dnslb-public/topology.xml");
    const std::string s4 = source("samples/s4-dnslb-nat/topology.xml");
    struct Row {
        std::string name;  // starts with the expected exit code
        std::string args;
        int expected;
    };
    const std::vector<Row> rows{
        {"0 - the same topology on both sides", quote(failing) + " " + quote(failing), 0},
        {"1 - the change introduces a failure", quote(passing) + " " + quote(failing), 1},
        {"0 - the change removes a failure", quote(failing) + " " + quote(passing), 0},
        {"0 - the change adds only a warning", quote(s3) + " " + quote(s4), 0},
        {"1 - the change adds a warning, with --fail-on warn",
         quote(s3) + " " + quote(s4) + " --fail-on warn", 1},
        {"2 - NEW is missing", quote(s3), 2},
        {"2 - OLD does not exist", quote(dir.path() / "nothing.xml") + " " + quote(s4), 2},
        {"2 - an unknown format", quote(s3) + " " + quote(s4) + " --format xml", 2},
        {"2 - an output over OLD", quote(s3) + " " + quote(s4) + " --output text=" + quote(s3), 2},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.name);
        ASSERT_EQ(row.name.rfind(std::to_string(row.expected) + " - ", 0), 0u);
        EXPECT_EQ(edgeplan("diff " + row.args + now, dir.path() / "out"), row.expected);
    }
}

TEST(CliDiff, JsonMatchesTheSchema) {
    if (!jsonschema_available())
        EDGEPLAN_REQUIRED_MISSING() << "python3-jsonschema is not installed";
    TempDir dir;
    for (const auto& [old_path, new_path] : std::vector<std::pair<std::string, std::string>>{
             {passing, failing},
             {failing, passing},
             {source("samples/s3-dnslb-public/topology.xml"),
              source("samples/s4-dnslb-nat/topology.xml")}}) {
        SCOPED_TRACE(old_path + " -> " + new_path);
        const fs::path out = dir.path() / "diff.json";
        edgeplan("diff " + quote(old_path) + " " + quote(new_path) + now + " --format json", out);
        const json d = json::parse(read_text(out));
        EXPECT_GT(d["summary"]["plan_changes"].get<int>(), 0);
        EXPECT_EQ(validate(dir, "diff.schema.json", out), 0);
    }
}

// Every format of plan, on stdout and with --output, from one run: the files equal stdout.
TEST(CliDiff, EveryReportFormatOnStdoutAndWithOutput) {
    TempDir dir;
    const std::string args = "diff " + quote(passing) + " " + quote(failing) + now;
    for (const char* format : {"text", "json", "junit", "sarif", "html", "markdown"}) {
        SCOPED_TRACE(format);
        const fs::path out = dir.path() / (std::string("stdout.") + format);
        const fs::path file = dir.path() / (std::string("file.") + format);
        EXPECT_EQ(
            edgeplan(args + " --format " + format + " --output " + format + "=" + quote(file), out),
            1);
        EXPECT_FALSE(read_text(out).empty());
        EXPECT_EQ(read_text(file), read_text(out));
    }
    EXPECT_EQ(read_text(dir.path() / "file.markdown").rfind("### edgeplan diff: ", 0), 0u);
    EXPECT_NE(read_text(dir.path() / "file.junit").find("<failure "), std::string::npos);
    const json sarif = json::parse(read_text(dir.path() / "file.sarif"));
    ASSERT_FALSE(sarif["runs"][0]["results"].empty());
    EXPECT_EQ(sarif["runs"][0]["results"][0]["baselineState"], "new");
    EXPECT_EQ(read_text(dir.path() / "file.html").rfind("<!DOCTYPE html>", 0), 0u);
}

}  // namespace
}  // namespace edgeplan::gate_testing
