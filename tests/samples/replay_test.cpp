// Recorded observations, replayed (Zonemaster-style): every run of
// tests/fixtures/replay/runs.json is `edgeplan check --replay` of what the lab's real servers
// answered (recorded once with `--record`, tests/fixtures/replay/record_lab.sh), and its
// findings must equal the committed *.findings.jsonl, one finding per line. No network and no
// root: the live checks are judged on real observations in every CI run. docs/checks/generate.py
// takes the live examples of the check pages from the same replays.
// Regenerate with EDGEPLAN_UPDATE_GOLDEN=1 after checking the change is intended.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

const fs::path source_root() { return fs::path(EDGEPLAN_SOURCE_DIR); }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct ReplayRun {
    std::string name;
    std::vector<std::string> args;  // after `edgeplan`, relative to the source root
    fs::path findings;              // the golden
};

void PrintTo(const ReplayRun& r, std::ostream* out) { *out << r.name; }

std::vector<ReplayRun> replay_runs() {
    const nlohmann::json manifest =
        nlohmann::json::parse(read_file(source_root() / "tests/fixtures/replay/runs.json"));
    std::vector<ReplayRun> out;
    for (const auto& run : manifest.at("runs")) {
        ReplayRun r;
        r.name = run.at("name").get<std::string>();
        r.args = {"check", manifest.at("topology").get<std::string>()};
        for (const auto& arg : manifest.at("args")) r.args.push_back(arg.get<std::string>());
        for (const auto& arg : run.at("args")) r.args.push_back(arg.get<std::string>());
        r.args.insert(r.args.end(),
                      {"--replay", run.at("observations").get<std::string>(), "--format", "json"});
        r.findings = source_root() / run.at("findings").get<std::string>();
        out.push_back(r);
    }
    return out;
}

std::string run_edgeplan(const std::vector<std::string>& args, int& status) {
    std::string command = "cd '" + source_root().string() + "' && '" + EDGEPLAN_BINARY + "'";
    for (const std::string& arg : args) command += " '" + arg + "'";
    command += " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return "";
    std::string output;
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
    status = WEXITSTATUS(pclose(pipe));
    return output;
}

// The findings alone, one JSON object per line: what the checks decided, in a form whose diff a
// reviewer reads line by line (the report header and catalogue are tested elsewhere).
std::string findings_lines(const nlohmann::json& report) {
    std::string out;
    for (const auto& f : report.at("findings")) {
        nlohmann::json line = {{"check_id", f.at("check_id")}, {"kind", f.at("kind")},
                               {"status", f.at("status")},     {"subject", f.at("subject")},
                               {"message", f.at("message")},   {"evidence", f.at("evidence")}};
        if (f.contains("skip_reason")) line["skip_reason"] = f.at("skip_reason");
        out += line.dump() + "\n";
    }
    return out;
}

class ReplayGolden : public ::testing::TestWithParam<ReplayRun> {};

TEST_P(ReplayGolden, FindingsEqualTheCommittedOnes) {
    const ReplayRun& r = GetParam();
    int status = -1;
    const std::string output = run_edgeplan(r.args, status);
    // 0: all passed; 1: a finding fails (the broken variants exist for that). Never 2 (input
    // error) or 3 (the tool could not decide: the recording lacks an observation).
    ASSERT_TRUE(status == 0 || status == 1) << r.name << ": exit code " << status;
    const std::string actual = findings_lines(nlohmann::json::parse(output));
    if (std::getenv("EDGEPLAN_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(r.findings, std::ios::binary) << actual;
        return;
    }
    ASSERT_TRUE(fs::exists(r.findings)) << r.findings << " is missing; EDGEPLAN_UPDATE_GOLDEN=1";
    EXPECT_EQ(read_file(r.findings), actual) << "golden " << r.findings << " differs";
}

// A recording judged by the live checks yields live findings that decided something; a replay
// whose live findings were all skips would test nothing but offline rules.
TEST(ReplayGoldenSet, EveryRunHasLiveFindings) {
    for (const ReplayRun& r : replay_runs()) {
        SCOPED_TRACE(r.name);
        std::istringstream lines(read_file(r.findings));
        int live = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.empty()) continue;
            const nlohmann::json f = nlohmann::json::parse(line);
            if (f.at("kind") != "offline" && f.at("status") != "skip") ++live;
        }
        EXPECT_GT(live, 0);
    }
}

INSTANTIATE_TEST_SUITE_P(Lab, ReplayGolden, ::testing::ValuesIn(replay_runs()),
                         [](const ::testing::TestParamInfo<ReplayRun>& param_info) {
                             std::string name = param_info.param.name;
                             for (char& c : name) {
                                 if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });

}  // namespace
