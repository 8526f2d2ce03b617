// Golden plans: every samples/<name>/ with a topology file has expected-plan.txt and
// expected-plan.json produced by `edgeplan plan` with a fixed --now. A change to the plan, the
// checks or the renderers shows up here as a diff a reviewer can read.
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

namespace fs = std::filesystem;

namespace {

const char* const fixed_now = "2026-11-21";

struct Sample {
    std::string name;
    fs::path topology;
    fs::path settings;  // empty when the sample has none
    fs::path exports;   // a --settings-from folder (samples/<name>/exports), empty when none
};

void PrintTo(const Sample& s, std::ostream* out) { *out << s.name; }

std::vector<Sample> samples() {
    std::vector<Sample> out;
    for (const auto& entry : fs::directory_iterator(fs::path(EDGEPLAN_SOURCE_DIR) / "samples")) {
        if (!entry.is_directory()) continue;
        Sample s{entry.path().filename().string(), {}, {}, {}};
        for (const char* name : {"topology.xml", "topology.tbxml"}) {
            if (fs::exists(entry.path() / name)) s.topology = entry.path() / name;
        }
        if (fs::exists(entry.path() / "settings.xml")) s.settings = entry.path() / "settings.xml";
        if (fs::is_directory(entry.path() / "exports")) s.exports = entry.path() / "exports";
        if (!s.topology.empty() && s.name != "lab") out.push_back(s);
    }
    std::sort(out.begin(), out.end(),
              [](const Sample& a, const Sample& b) { return a.name < b.name; });
    return out;
}

// Runs edgeplan from the source root (so paths in the report are relative and stable).
std::string run_plan(const Sample& s, const std::string& format, int& status) {
    const fs::path root(EDGEPLAN_SOURCE_DIR);
    // COLUMNS fixes the text width (the test may run in a terminal of any size).
    std::string command = "cd '" + root.string() + "' && COLUMNS=100 '" + EDGEPLAN_BINARY +
                          "' plan '" + fs::relative(s.topology, root).string() + "'";
    if (!s.exports.empty())
        command += " --settings-from '" + fs::relative(s.exports, root).string() + "'";
    if (!s.settings.empty())
        command += " --settings '" + fs::relative(s.settings, root).string() + "'";
    command += " --now " + std::string(fixed_now) + " --format " + format + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return "";
    std::string output;
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
    status = WEXITSTATUS(pclose(pipe));
    return output;
}

// started_at is wall-clock time, the only field allowed to differ between runs.
std::string without_wall_clock(std::string text) {
    const std::string key = "\"started_at\": \"";
    const auto at = text.find(key);
    if (at != std::string::npos) {
        const auto end = text.find('"', at + key.size());
        text.replace(at + key.size(), end - at - key.size(), "<wall-clock>");
    }
    const std::string text_key = "started: ";
    const auto t = text.find(text_key);
    if (t != std::string::npos) {
        const auto end = text.find('\n', t);
        text.replace(t + text_key.size(), end - t - text_key.size(), "<wall-clock>");
    }
    return text;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

class GoldenPlan : public ::testing::TestWithParam<Sample> {};

TEST_P(GoldenPlan, MatchesExpectedTextAndJson) {
    const Sample& s = GetParam();
    for (const std::string format : {"text", "json"}) {
        int status = -1;
        const std::string actual = without_wall_clock(run_plan(s, format, status));
        ASSERT_TRUE(status == 0 || status == 1) << s.name << ": exit code " << status;
        const fs::path golden = s.topology.parent_path() / ("expected-plan." + format);
        if (std::getenv("EDGEPLAN_UPDATE_GOLDEN") != nullptr) {
            std::ofstream(golden, std::ios::binary) << actual;
            continue;
        }
        ASSERT_TRUE(fs::exists(golden))
            << golden << " is missing; run with EDGEPLAN_UPDATE_GOLDEN=1";
        EXPECT_EQ(read_file(golden), actual) << "golden " << golden << " differs";
    }
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenPlan, ::testing::ValuesIn(samples()),
                         [](const ::testing::TestParamInfo<Sample>& param_info) {
                             std::string name = param_info.param.name;
                             for (char& c : name) {
                                 if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });

}  // namespace
