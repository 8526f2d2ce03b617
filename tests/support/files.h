#pragma once
// Shared by the test folders that run tools or the edgeplan binary: a temporary directory, whole
// files, and shell commands whose exit status a test reads (skipping when a tool is missing).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace edgeplan::test_files {

namespace fs = std::filesystem;

class TempDir {
  public:
    TempDir() {
        path_ = fs::temp_directory_path() /
                ("edgeplan-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    static inline int counter_ = 0;
    fs::path path_;
};

inline void write_text(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Exit status of a shell command, -1 when it did not exit normally.
inline int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline bool have(const std::string& probe) { return run(probe + " >/dev/null 2>&1") == 0; }

inline std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace edgeplan::test_files
