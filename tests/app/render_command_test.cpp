// `edgeplan render REPORT.json` (app/render_command.h): for every sample and every format, the
// output of render equals what the run wrote, byte for byte; the same for a replayed check and
// for a gated run (baseline, waivers, --fail-on warn). Bad reports are input errors with the
// place they went wrong, and the output rules of plan hold.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "tests/app/support.h"

namespace edgeplan::app_testing {
namespace {

const char* const formats[] = {"text", "json", "junit", "sarif", "html", "markdown"};

struct Sample {
    std::string name;
    std::string topology;  // relative to the source root
    std::string settings;  // empty when none
};

std::vector<Sample> samples() {
    std::vector<Sample> out;
    for (const auto& entry : fs::directory_iterator(source("samples"))) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name == "lab") continue;
        Sample s{name, "", ""};
        for (const char* file : {"topology.xml", "topology.tbxml"}) {
            if (fs::exists(entry.path() / file))
                s.topology = source("samples/" + name + "/" + file);
        }
        if (fs::exists(entry.path() / "settings.xml")) {
            s.settings = source("samples/" + name + "/settings.xml");
        }
        if (!s.topology.empty()) out.push_back(s);
    }
    std::sort(out.begin(), out.end(),
              [](const Sample& a, const Sample& b) { return a.name < b.name; });
    return out;
}

// "--output F=PREFIX.F" for every format.
std::string outputs(const std::string& prefix) {
    std::string args;
    for (const char* f : formats) args += std::string(" --output ") + f + "=" + prefix + "." + f;
    return args;
}

// The run wrote run.F for every format (run.json is the report); render must write the same.
void expect_render_equals_run(const TempDir& dir, const std::string& label,
                              const std::string& render_options = "") {
    const RunResult r =
        edgeplan(dir, "render run.json --quiet" + outputs("again") + render_options);
    EXPECT_NE(r.status, 2) << label << "\n" << r.err;
    for (const char* f : formats) {
        const std::string run = read_text(dir.path() / (std::string("run.") + f));
        ASSERT_FALSE(run.empty()) << label << " " << f;
        EXPECT_EQ(read_text(dir.path() / (std::string("again.") + f)), run) << label << " " << f;
    }
}

TEST(Render, EverySampleInEveryFormatEqualsThePlanRun) {
    for (const Sample& s : samples()) {
        TempDir dir;
        std::string args = "plan '" + s.topology + "' --now 2026-11-21 --quiet";
        if (!s.settings.empty()) args += " --settings '" + s.settings + "'";
        const RunResult run = edgeplan(dir, args + outputs("run"));
        ASSERT_NE(run.status, 2) << s.name << "\n" << run.err;
        expect_render_equals_run(dir, s.name);
    }
}

TEST(Render, ReplayedCheckEqualsTheCheckRun) {
    TempDir dir;
    const std::string fixture = source("tests/fuzz/corpus/observation/recorded.json");
    const RunResult run =
        edgeplan(dir, "check '" + source("samples/contoso-docs/topology.xml") +
                          "' --now 2026-11-21 --quiet --dns-server 127.0.0.53:5353 --replay '" +
                          fixture + "'" + outputs("run"));
    ASSERT_NE(run.status, 2) << run.err;
    const nlohmann::json report = nlohmann::json::parse(read_text(dir.path() / "run.json"));
    ASSERT_EQ(report["command"], "check");
    expect_render_equals_run(dir, "check --replay");
}

// The gate's marks, SARIF baselineState and suppressions, JUnit <skipped> and notes of expired
// waivers, and --fail-on warn all come back from the JSON.
TEST(Render, GatedRunWithFailOnWarnEqualsTheRun) {
    TempDir dir;
    const std::string topology = source("samples/multi-domain-pic/topology.xml");
    ASSERT_EQ(edgeplan(dir, "plan '" + topology + "' --now 2026-11-21 --format json").status, 1);
    fs::rename(dir.path() / "stdout.txt", dir.path() / "baseline.json");
    const nlohmann::json baseline = nlohmann::json::parse(read_text(dir.path() / "baseline.json"));
    std::vector<std::pair<std::string, std::string>> problems;
    for (const auto& f : baseline["findings"]) {
        if (f["status"] == "fail" || f["status"] == "warn")
            problems.emplace_back(f["check_id"], f["subject"]);
    }
    ASSERT_GE(problems.size(), 2u);
    nlohmann::json waivers = {{"schema_version", "1.0"}, {"waivers", nlohmann::json::array()}};
    waivers["waivers"].push_back({{"check_id", problems[0].first},
                                  {"subject", problems[0].second},
                                  {"reason", "accepted <risk> | *for now*"},
                                  {"expires", "2030-01-01"}});
    waivers["waivers"].push_back({{"check_id", problems[1].first},
                                  {"subject", problems[1].second},
                                  {"reason", "expired"},
                                  {"expires", "2020-01-01"}});
    write_text(dir.path() / "waivers.json", waivers.dump());
    const RunResult run =
        edgeplan(dir, "plan '" + topology +
                          "' --now 2026-11-21 --quiet --fail-on warn --baseline baseline.json "
                          "--waivers waivers.json" +
                          outputs("run"));
    ASSERT_NE(run.status, 2) << run.err;
    const nlohmann::json report = nlohmann::json::parse(read_text(dir.path() / "run.json"));
    EXPECT_EQ(report["fail_on"], "warn");
    EXPECT_TRUE(report["gate"].contains("baseline"));
    EXPECT_EQ(report["gate"]["expired_waivers"].size(), 1u);
    expect_render_equals_run(dir, "gated");
    // The exit code follows the run's rule: the baseline knows every failure, so 0 or 3.
    const RunResult again = edgeplan(dir, "render run.json --quiet");
    EXPECT_EQ(again.status, run.status);
}

TEST(Render, StdoutWithTextOptionsEqualsThePlanRun) {
    TempDir dir;
    const std::string topology = source("samples/s2-single-nat/topology.xml");
    const RunResult run = edgeplan(
        dir, "plan '" + topology + "' --now 2026-11-21 --verbose --no-plan --output json=run.json");
    const RunResult again = edgeplan(dir, "render run.json --verbose --no-plan");
    EXPECT_EQ(again.status, run.status);
    EXPECT_EQ(again.out, run.out);  // started_at is the run's, read from the report
    EXPECT_EQ(
        edgeplan(dir, "render run.json --format markdown").out.rfind("### edgeplan plan: ", 0), 0u);
}

TEST(Render, ExitCodeFollowsTheReportAndFailOn) {
    TempDir dir;
    const std::string topology = source("samples/multi-domain-pic/topology.xml");
    const RunResult run =
        edgeplan(dir, "plan '" + topology + "' --now 2026-11-21 --quiet --output json=run.json");
    ASSERT_EQ(run.status, 1) << run.err;
    EXPECT_EQ(edgeplan(dir, "render run.json --quiet").status, 1);
    EXPECT_EQ(edgeplan(dir, "render run.json --quiet --fail-on warn").status, 1);
    EXPECT_EQ(edgeplan(dir, "render run.json --quiet --fail-on never").status, 2);
}

struct BadReport {
    const char* name;
    std::string text;
    const char* message;
};

TEST(Render, BadReportsAreInputErrorsWithTheirPlace) {
    TempDir dir;
    ASSERT_EQ(edgeplan(dir, "plan '" + source("samples/s1-single-public/topology.xml") +
                                "' --now 2026-11-21 --quiet --output json=good.json")
                  .status,
              0);
    const nlohmann::json good = nlohmann::json::parse(read_text(dir.path() / "good.json"));
    auto edited = [&](const std::function<void(nlohmann::json&)>& edit) {
        nlohmann::json copy = good;
        edit(copy);
        return copy.dump(2);
    };
    const std::vector<BadReport> rows = {
        {"syntax error at line and column", "{\n  \"schema_version\": \"1.1\",\n  oops\n}",
         "report.json:3:3: not JSON"},
        {"truncated", good.dump(2).substr(0, 200), "report.json:"},
        {"not an object", "[]", "report.json: must be an object"},
        {"schema 1.0", edited([](auto& j) { j["schema_version"] = "1.0"; }),
         "schema_version: '1.0': edgeplan renders reports of schema_version 1.1"},
        {"schema 2.0", edited([](auto& j) { j["schema_version"] = "2.0"; }),
         "schema_version: '2.0'"},
        {"missing catalogue", edited([](auto& j) { j.erase("catalogue"); }),
         "report.json: missing \"catalogue\""},
        {"bad status", edited([](auto& j) { j["findings"][0]["status"] = "maybe"; }),
         "findings[0].status: 'maybe' is not one of pass, warn, fail, skip, error"},
        {"port out of range", edited([](auto& j) { j["plan"]["dns"][0]["port"] = 70000; }),
         "plan.dns[0].port: must be from 0 to 65535"},
        {"evidence not pairs", edited([](auto& j) { j["findings"][0]["evidence"] = {1}; }),
         "findings[0].evidence[0]: must be an object"},
        {"summary edited", edited([](auto& j) { j["summary"]["pass"] = 0; }),
         "summary.pass: is not the number of such findings"},
        {"finding of an unknown check",
         edited([](auto& j) { j["catalogue"] = nlohmann::json::array(); }),
         "is not in \"catalogue\""},
    };
    for (const BadReport& row : rows) {
        write_text(dir.path() / "report.json", row.text);
        const RunResult r = edgeplan(dir, "render report.json --output html=out.html");
        EXPECT_EQ(r.status, 2) << row.name << "\n" << r.err;
        EXPECT_NE(r.err.find(row.message), std::string::npos) << row.name << "\n" << r.err;
        EXPECT_EQ(r.out, "") << row.name;
        EXPECT_FALSE(fs::exists(dir.path() / "out.html")) << row.name;
    }
}

TEST(Render, InputRulesAndOutputRules) {
    TempDir dir;
    ASSERT_EQ(edgeplan(dir, "plan '" + source("samples/s1-single-public/topology.xml") +
                                "' --now 2026-11-21 --quiet --output json=good.json")
                  .status,
              0);
    const std::string good = read_text(dir.path() / "good.json");
    fs::create_directory(dir.path() / "folder");
    ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"render", "a REPORT.json file is required"},
        {"render missing.json", "missing.json: cannot open"},
        {"render folder", "folder: is a directory"},
        {"render fifo", "fifo: is a FIFO"},  // would block forever with a blocking open
        {"render good.json --format xml",
         "--format must be text, json, junit, sarif, html or markdown"},
        {"render good.json --output xml=out", "--output format 'xml'"},
        {"render good.json --output json=good.json", "good.json"},
        {"render good.json --output text=same --output html=same", "same"},
    };
    for (const auto& [args, message] : rows) {
        const RunResult r = edgeplan(dir, args);
        EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    }
    EXPECT_EQ(read_text(dir.path() / "good.json"), good) << "the input was overwritten";
    EXPECT_FALSE(fs::exists(dir.path() / "same"));
}

// `check` takes every format `plan` takes (a CI job redirects JUnit from stdout).
TEST(Render, CheckAcceptsEveryPlanFormatOnStdout) {
    TempDir dir;
    const std::string fixture = source("tests/fuzz/corpus/observation/recorded.json");
    for (const char* f : formats) {
        const RunResult r =
            edgeplan(dir, "check '" + source("samples/contoso-docs/topology.xml") +
                              "' --now 2026-11-21 --dns-server 127.0.0.53:5353 --replay '" +
                              fixture + "' --format " + f);
        EXPECT_NE(r.status, 2) << f << "\n" << r.err;
        EXPECT_FALSE(r.out.empty()) << f;
    }
    const RunResult junit =
        edgeplan(dir, "check '" + source("samples/contoso-docs/topology.xml") +
                          "' --now 2026-11-21 --dns-server 127.0.0.53:5353 --replay '" + fixture +
                          "' --format junit");
    EXPECT_EQ(junit.out.rfind("<?xml", 0), 0u);
}

}  // namespace
}  // namespace edgeplan::app_testing
