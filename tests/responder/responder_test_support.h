#pragma once
// Helpers for the responder tests: hand-built plans, a responder running on its own thread, a
// child process that is always stopped, and a temporary directory. Every wait is bounded.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "checks/probes/responder.h"
#include "topology/plan.h"

namespace edgeplan::responder_test {

using topology::Direction;
using topology::FirewallRule;
using topology::FirewallSide;
using topology::Transport;

inline FirewallRule rule(const char* id, FirewallSide side, Direction direction,
                         Transport transport, int from, int to = 0) {
    FirewallRule r;
    // The role is what code branches on; the ID is its report label (topology/plan_roles.cpp).
    for (int v = 0; v <= static_cast<int>(topology::FirewallRole::internal_logging); ++v) {
        const auto role = static_cast<topology::FirewallRole>(v);
        if (std::string(topology::catalogue_id(role)) == id) r.role = role;
    }
    r.rule = id;
    r.side = side;
    r.direction = direction;
    r.transport = transport;
    r.port_from = from;
    r.port_to = to == 0 ? from : to;
    return r;
}

constexpr auto ext = FirewallSide::external;
constexpr auto in_side = FirewallSide::internal;
constexpr auto inbound = Direction::inbound;
constexpr auto outbound = Direction::outbound;
constexpr auto tcp = Transport::tcp;
constexpr auto udp = Transport::udp;

// The rule set of a consolidated Edge with federation and XMPP (catalogue PORT-EXT-01..14 and
// PORT-INT-01..09), as the plan lists it: rows X1..X16 and I1..I11.
inline topology::Plan edge_plan(bool xmpp = true) {
    topology::Plan plan;
    auto& f = plan.firewall;
    if (xmpp) {
        f.push_back(rule("PORT-EXT-01", ext, inbound, tcp, 5269));
        f.push_back(rule("PORT-EXT-02", ext, outbound, tcp, 5269));
    }
    f.push_back(rule("PORT-EXT-03", ext, outbound, tcp, 80));
    f.push_back(rule("PORT-EXT-04", ext, outbound, tcp, 53));
    f.push_back(rule("PORT-EXT-04", ext, outbound, udp, 53));
    f.push_back(rule("PORT-EXT-05", ext, inbound, tcp, 443));
    f.push_back(rule("PORT-EXT-06", ext, inbound, tcp, 5061));
    f.push_back(rule("PORT-EXT-07", ext, outbound, tcp, 5061));
    f.push_back(rule("PORT-EXT-08", ext, inbound, tcp, 443));
    f.push_back(rule("PORT-EXT-09", ext, outbound, tcp, 50000, 59999));
    f.push_back(rule("PORT-EXT-11", ext, outbound, udp, 3478));
    f.push_back(rule("PORT-EXT-12", ext, inbound, udp, 3478));
    f.push_back(rule("PORT-EXT-13", ext, inbound, tcp, 443));
    f.push_back(rule("PORT-EXT-14", ext, outbound, tcp, 443));
    if (xmpp) f.push_back(rule("PORT-INT-01", in_side, inbound, tcp, 23456));
    f.push_back(rule("PORT-INT-02", in_side, inbound, tcp, 5061));
    f.push_back(rule("PORT-INT-03", in_side, outbound, tcp, 5061));
    f.push_back(rule("PORT-INT-04", in_side, inbound, tcp, 8057));
    f.push_back(rule("PORT-INT-05", in_side, inbound, tcp, 5062));
    f.push_back(rule("PORT-INT-06", in_side, inbound, udp, 3478));
    f.push_back(rule("PORT-INT-07", in_side, inbound, tcp, 443));
    f.push_back(rule("PORT-INT-08", in_side, inbound, tcp, 4443));
    f.push_back(rule("PORT-INT-09", in_side, inbound, tcp, 50001, 50003));
    return plan;
}

// With an OCS 2007 partner the media range is opened both ways (PORT-EXT-10, rows X10-X12).
inline topology::Plan ocs2007_plan() {
    topology::Plan plan = edge_plan();
    plan.firewall.push_back(rule("PORT-EXT-10", ext, outbound, udp, 50000, 59999));
    plan.firewall.push_back(rule("PORT-EXT-10", ext, inbound, tcp, 50000, 59999));
    plan.firewall.push_back(rule("PORT-EXT-10", ext, inbound, udp, 50000, 59999));
    return plan;
}

// A Responder answering on its own thread; stopped and joined on destruction, also when an
// assertion fails.
class RunningResponder {
  public:
    RunningResponder(checks::probes::ResponderOptions options,
                     const std::vector<checks::probes::ResponderEndpoint>& endpoints)
        : responder_(std::move(options)) {
        report_ = responder_.bind(endpoints);
        thread_ = std::thread([this] { stats_ = responder_.run(); });
    }
    RunningResponder(const RunningResponder&) = delete;
    RunningResponder& operator=(const RunningResponder&) = delete;
    ~RunningResponder() { stop(); }
    const checks::probes::BindReport& report() const { return report_; }
    const checks::probes::ResponderStats& stop() {
        responder_.request_stop();
        if (thread_.joinable()) thread_.join();
        return stats_;
    }

  private:
    checks::probes::Responder responder_;
    checks::probes::BindReport report_;
    checks::probes::ResponderStats stats_;
    std::thread thread_;
};

// A temporary directory removed on destruction.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "edgeplan-listen-XXXXXX");
        path_ = mkdtemp(pattern.data()) ? pattern : std::string();
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

inline std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A child process with stdout and stderr in files; killed and reaped on destruction.
class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& argv, const std::string& out_path,
                 const std::string& err_path) {
        pid_ = fork();
        if (pid_ == 0) {
            std::freopen(out_path.c_str(), "w", stdout);
            std::freopen(err_path.c_str(), "w", stderr);
            std::vector<char*> args;
            for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess() {
        if (running()) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    bool started() const { return pid_ > 0; }
    bool running() const { return pid_ > 0 && !exit_code_; }
    // The exit code, or -1 when it has not exited within `limit` (then it is still running).
    int wait(std::chrono::milliseconds limit) {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (running() && std::chrono::steady_clock::now() < end) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return exit_code_ ? *exit_code_ : -1;
    }

  private:
    pid_t pid_ = -1;
    std::optional<int> exit_code_;
};

}  // namespace edgeplan::responder_test
