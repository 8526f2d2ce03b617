#pragma once
// Shared by the exporter round-trip tests: plans of the reference layouts, a scratch
// directory, and running the administrator's own tools (nsd-checkzone, ldns-read-zone,
// openssl, nft) on what was written.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/plan/reference_models.h"
#include "topology/plan.h"

namespace edgeplan::testing {

struct CommandResult {
    int status = -1;
    std::string output;  // stdout and stderr
};

inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

inline bool have_tool(const std::string& tool) {
    return run_command("command -v " + tool).status == 0;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern = std::filesystem::temp_directory_path().string() + "/edgeplan-XXXXXX";
        if (mkdtemp(pattern.data())) path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

// The S4 (contoso) plan with an IPv6 address added, so AAAA and ip6 paths are exercised, and
// the S5 plan (VIP rows).
inline topology::Plan export_plan(Layout layout) {
    topology::Model model = reference_model(layout);
    if (layout == Layout::s4) {
        model.edge_pools[0].members[0].access.public_ips.push_back("2001:db8::10");
    }
    return topology::derive_plan(model);
}

}  // namespace edgeplan::testing
