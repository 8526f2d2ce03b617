#pragma once
// Helpers for the probe integration tests: temp dirs, free ports, and child processes that are
// always stopped by PID (also when an assertion fails, via the destructor).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace edgeplan::probes_test {

class TempDir {
  public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "edgeplan-probes-XXXXXX");
        if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream input(path);
    std::stringstream buffer;
    buffer << input.rdbuf();
    return buffer.str();
}

inline sockaddr_in ipv4(const std::string& address, std::uint16_t port) {
    sockaddr_in result{};
    result.sin_family = AF_INET;
    result.sin_port = htons(port);
    ::inet_pton(AF_INET, address.c_str(), &result.sin_addr);
    return result;
}

// A port the kernel just handed out for `type` on `address` (free for TCP and UDP when both
// are asked); 0 on failure. Racy by nature, good enough on a test machine.
inline std::uint16_t free_port(const std::string& address, bool also_udp = false) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        const int tcp = ::socket(AF_INET, SOCK_STREAM, 0);
        auto where = ipv4(address, 0);
        socklen_t length = sizeof where;
        if (::bind(tcp, reinterpret_cast<sockaddr*>(&where), sizeof where) != 0 ||
            ::getsockname(tcp, reinterpret_cast<sockaddr*>(&where), &length) != 0) {
            ::close(tcp);
            return 0;
        }
        const std::uint16_t port = ntohs(where.sin_port);
        bool ok = true;
        if (also_udp) {
            const int udp = ::socket(AF_INET, SOCK_DGRAM, 0);
            auto same = ipv4(address, port);
            ok = ::bind(udp, reinterpret_cast<sockaddr*>(&same), sizeof same) == 0;
            ::close(udp);
        }
        ::close(tcp);
        if (ok) return port;
    }
    return 0;
}

// Polls `ready` every 50 ms until it holds or `limit` passes; bounded in time and count.
inline bool wait_until(const std::function<bool()>& ready, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    for (int round = 0; round < 1000; ++round) {
        if (ready()) return true;
        if (std::chrono::steady_clock::now() >= end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

inline bool tcp_accepts(const std::string& address, std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    auto where = ipv4(address, port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&where), sizeof where) == 0;
    ::close(fd);
    return ok;
}

// Full path of `program` from PATH (plus /usr/sbin and /sbin); empty when absent.
inline std::string find_program(const std::string& program) {
    const char* path = ::getenv("PATH");
    std::stringstream dirs(std::string(path ? path : "/usr/bin:/bin") + ":/usr/sbin:/sbin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = dir + "/" + program;
        if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
}

inline bool have_program(const std::string& program) { return !find_program(program).empty(); }

// A child process with stdout/stderr in `log`; stopped by PID (TERM, then KILL) when destroyed.
class ChildProcess {
  public:
    ChildProcess(std::vector<std::string> argv, const std::filesystem::path& log) {
        pid_ = ::fork();
        if (pid_ == 0) {
            const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (out >= 0) {
                ::dup2(out, 1);
                ::dup2(out, 2);
            }
            std::vector<char*> args;
            for (auto& arg : argv) args.push_back(arg.data());
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
    }
    ~ChildProcess() { stop(); }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const { return pid_ > 0; }
    // True while the child has not exited (reaps it if it has).
    bool running() {
        if (pid_ <= 0) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return false;
        }
        return true;
    }
    // Waits (bounded) for the child to exit; its exit status, or -1 if it had to be stopped.
    int wait_for_exit(std::chrono::milliseconds limit) {
        const auto end = std::chrono::steady_clock::now() + limit;
        for (int round = 0; round < 100000 && pid_ > 0; ++round) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            if (std::chrono::steady_clock::now() >= end) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        stop();
        return -1;
    }
    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        for (int round = 0; round < 60; ++round) {  // up to 3 s
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }

  private:
    pid_t pid_ = -1;
};

// Runs a command to completion (at most `limit`, then it is killed); its exit status, or -1.
inline int run_command(std::vector<std::string> argv, const std::filesystem::path& log,
                       std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    ChildProcess child(std::move(argv), log);
    if (!child.started()) return -1;
    return child.wait_for_exit(limit);
}

}  // namespace edgeplan::probes_test
