// Every file in tests/topology/broken/ must fail to load with the position and message its
// NAME.expected sidecar names ("LINE:COLUMN: substring"). Files named *.settings.xml are
// applied as --settings to samples/contoso-docs/topology.xml.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "topology/input_error.h"
#include "topology/loader.h"

namespace fs = std::filesystem;
using edgeplan::topology::InputError;
using edgeplan::topology::load_model;
using edgeplan::topology::LoadRequest;

namespace {

const std::string corpus_dir = EDGEPLAN_SOURCE_DIR "/tests/topology/broken";
const std::string contoso = EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml";

struct Expected {
    int line = 0;
    int column = 0;
    std::string substring;
};

Expected read_expected(const fs::path& path) {
    std::ifstream in(path);
    std::string text;
    std::getline(in, text);
    std::smatch m;
    static const std::regex pattern(R"(^(\d+):(\d+): (.+)$)");
    if (!std::regex_match(text, m, pattern)) return {};
    return {std::stoi(m[1]), std::stoi(m[2]), m[3]};
}

bool is_settings_case(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.size() > 13 && name.compare(name.size() - 13, 13, ".settings.xml") == 0;
}

LoadRequest request_for(const fs::path& path) {
    LoadRequest request;
    if (is_settings_case(path)) {
        request.topology_path = contoso;
        request.settings_path = path.string();
    } else {
        request.topology_path = path.string();
    }
    return request;
}

fs::path expected_path(const fs::path& xml) {
    std::string name = xml.filename().string();
    name = name.substr(0, name.size() - 4) + ".expected";
    return xml.parent_path() / name;
}

std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus_dir)) {
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string test_name(const testing::TestParamInfo<fs::path>& info) {
    std::string name = "error_" + info.param.stem().string();
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

class BrokenCorpus : public testing::TestWithParam<fs::path> {};

TEST_P(BrokenCorpus, FailsWithExpectedPositionAndMessage) {
    const fs::path file = GetParam();
    const Expected expected = read_expected(expected_path(file));
    ASSERT_GT(expected.line, 0) << "missing or malformed " << expected_path(file);
    try {
        load_model(request_for(file));
        FAIL() << file << " loaded without error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where().file, file.string());
        EXPECT_EQ(e.where().line, expected.line) << e.what();
        EXPECT_EQ(e.where().column, expected.column) << e.what();
        EXPECT_NE(e.message().find(expected.substring), std::string::npos)
            << "message: " << e.message() << "\nexpected substring: " << expected.substring;
    }
}

INSTANTIATE_TEST_SUITE_P(Files, BrokenCorpus, testing::ValuesIn(corpus()), test_name);

TEST(BrokenCorpusInventory, EveryFileHasASidecarAndTheCorpusIsComplete) {
    const std::vector<fs::path> files = corpus();
    EXPECT_GE(files.size(), 24u);
    for (const fs::path& file : files) {
        EXPECT_TRUE(fs::exists(expected_path(file))) << file;
    }
}

// --- generated inputs: too large to commit ---------------------------------------------------

std::string topology_with_filler(int filler_elements) {
    std::string text =
        "<Topology xmlns=\"urn:edgeplan:topology:1\">\n<SipDomains>"
        "<SipDomain name=\"contoso.com\"/></SipDomains>\n<Sites><Site id=\"hq\">\n";
    for (int i = 0; i < filler_elements; ++i) text += "<BranchAppliance fqdn=\"b.contoso.net\"/>";
    text += "\n</Site></Sites>\n</Topology>\n";
    return text;
}

TEST(GeneratedLimits, ErrorTooManyElementsIsRefused) {
    LoadRequest request;
    request.topology_path = "generated-elements.xml";
    request.topology_text = topology_with_filler(200001);
    try {
        load_model(request);
        FAIL() << "200001 elements loaded";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where().line, 4);
        EXPECT_NE(e.message().find("more than 200000 elements"), std::string::npos) << e.what();
    }
}

TEST(GeneratedLimits, OkJustUnderTheElementLimitLoads) {
    LoadRequest request;
    request.topology_path = "generated-elements.xml";
    request.limits.max_elements = 1000;
    // Topology, SipDomains, SipDomain, Sites, Site = 5 elements besides the filler.
    request.topology_text = topology_with_filler(995);
    EXPECT_EQ(load_model(request).branch_appliances.size(), 995u);
    request.topology_text = topology_with_filler(996);
    EXPECT_THROW(load_model(request), InputError);
}

TEST(GeneratedLimits, ErrorNestingOverTheDepthLimit) {
    std::string text = "<Topology xmlns=\"urn:edgeplan:topology:1\">\n";
    for (int i = 0; i < 500; ++i) text += "<a>";
    for (int i = 0; i < 500; ++i) text += "</a>";
    text += "</Topology>";
    LoadRequest request;
    request.topology_path = "generated-depth.xml";
    request.topology_text = text;
    try {
        load_model(request);
        FAIL() << "deep nesting loaded";
    } catch (const InputError& e) {
        // The 65th level: the root is level 1, so the 64th <a>.
        EXPECT_EQ(e.where().line, 2);
        EXPECT_EQ(e.where().column, 1 + 63 * 3);
        EXPECT_NE(e.message().find("nested deeper than 64"), std::string::npos) << e.what();
    }
}

// --- the binary: exit code 2 and file:line:column on stderr -----------------------------------

struct BinaryRun {
    int exit_code = -1;
    std::string err;
};

BinaryRun run_plan(const std::string& file) {
    const fs::path err_file =
        fs::temp_directory_path() / ("edgeplan_corpus_" + std::to_string(::getpid()) + ".err");
    const std::string command = std::string("'") + EDGEPLAN_BINARY + "' plan '" + file +
                                "' >/dev/null 2>'" + err_file.string() + "'";
    const int status = std::system(command.c_str());
    BinaryRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(err_file);
    std::stringstream buffer;
    buffer << in.rdbuf();
    run.err = buffer.str();
    fs::remove(err_file);
    return run;
}

TEST(BinaryOnBrokenInput, ExitTwoWithPositionOnStderr) {
    for (const char* name : {"bad-ip", "dangling-next-hop", "unknown-attribute", "truncated",
                             "doctype-billion-laughs"}) {
        const fs::path file = fs::path(corpus_dir) / (std::string(name) + ".xml");
        const Expected expected = read_expected(expected_path(file));
        const BinaryRun run = run_plan(file.string());
        EXPECT_EQ(run.exit_code, 2) << name << ": " << run.err;
        const std::string position = file.string() + ":" + std::to_string(expected.line) + ":" +
                                     std::to_string(expected.column) + ":";
        EXPECT_NE(run.err.find(position), std::string::npos) << name << ": " << run.err;
    }
}

TEST(BinaryOnBrokenInput, OkValidSampleExitsBelowTwo) {
    const BinaryRun run = run_plan(contoso);
    EXPECT_NE(run.exit_code, 2) << run.err;
    EXPECT_GE(run.exit_code, 0);
}

}  // namespace
