// SIGTERM or SIGINT during an output commit (report/output_set.cpp) removes the temporaries and
// touches no existing output. The run is made to block inside the commit deterministically: the
// regular outputs are staged as temporaries first, then the FIFO output is written directly, and
// this test holds the FIFO's only reader open without reading, with the pipe shrunk to one page.
// Every wait is bounded; a child still alive at a deadline is killed with SIGKILL and the row
// fails.
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "tests/app/support.h"

namespace edgeplan::app_testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kDeadline = std::chrono::seconds(10);

// The edgeplan child: started in `dir` with stdout and stderr in files there; reaped (SIGKILL
// first if need be) by the destructor, so a failing assertion never leaves it running.
class Child {
  public:
    Child(const fs::path& dir, const std::vector<std::string>& args) {
        pid_ = ::fork();
        if (pid_ == 0) {
            if (::chdir(dir.c_str()) != 0) ::_exit(120);
            const int out = ::open("stdout.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err = ::open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (out < 0 || err < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(121);
            std::vector<char*> argv{const_cast<char*>(EDGEPLAN_BINARY)};
            for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(EDGEPLAN_BINARY, argv.data());
            ::_exit(122);
        }
    }
    ~Child() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    bool running() {
        if (reaped_) return false;
        const pid_t r = ::waitpid(pid_, &status_, WNOHANG);
        if (r == pid_) reaped_ = true;
        return !reaped_;
    }
    // Waits until the child ends, at most kDeadline; false (child killed) when it did not.
    bool wait() {
        const auto end = Clock::now() + kDeadline;
        while (running()) {
            if (Clock::now() >= end) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return true;
    }
    int status() const { return status_; }

  private:
    pid_t pid_ = -1;
    int status_ = 0;
    bool reaped_ = false;
};

std::vector<std::string> temporaries_in(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp.") != std::string::npos) found.push_back(name);
    }
    return found;
}

struct Row {
    std::string name;
    int signal_number;
};

class OutputSignalTest : public ::testing::TestWithParam<Row> {};

TEST_P(OutputSignalTest, RemovesTemporariesAndKeepsOutputs) {
    const Row& row = GetParam();
    TempDir dir;
    const fs::path fifo = dir.path() / "report.fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
    // An existing output (its content and mode must survive) and a new one (must not appear).
    const fs::path existing = dir.path() / "old.json";
    write_text(existing, "the previous report\n");
    ::chmod(existing.c_str(), 0640);
    const fs::path fresh = dir.path() / "new.txt";

    // The reader end: O_NONBLOCK opens at once; it is never read while the child runs.
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    ASSERT_GE(reader, 0) << std::strerror(errno);
    const int capacity = ::fcntl(reader, F_SETPIPE_SZ, 4096);
    ASSERT_GT(capacity, 0) << std::strerror(errno);

    Child child(dir.path(), {"plan", source("samples/s1-single-public/topology.xml"), "--now",
                             "2026-06-01", "-q", "--output", "json=old.json", "--output",
                             "text=new.txt", "--output", "html=report.fifo"});
    ASSERT_GT(child.pid(), 0);

    // Blocked inside the commit: both temporaries exist and the pipe is full.
    const auto end = Clock::now() + kDeadline;
    bool blocked = false;
    while (!blocked && child.running() && Clock::now() < end) {
        int queued = 0;
        ::ioctl(reader, FIONREAD, &queued);
        blocked = queued >= capacity && temporaries_in(dir.path()).size() == 2;
        if (!blocked) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(blocked) << "the run did not block writing the FIFO within 10 s (still running: "
                         << child.running() << ")\n"
                         << read_text(dir.path() / "stderr.txt");

    ASSERT_EQ(::kill(child.pid(), row.signal_number), 0);
    const bool ended = child.wait();
    ::close(reader);
    ASSERT_TRUE(ended) << "edgeplan did not end within 10 s of the signal (killed)";
    EXPECT_TRUE(WIFSIGNALED(child.status()) && WTERMSIG(child.status()) == row.signal_number)
        << "it should die of the signal itself, status " << child.status();

    EXPECT_TRUE(temporaries_in(dir.path()).empty())
        << "left behind: " << temporaries_in(dir.path()).front();
    EXPECT_EQ(read_text(existing), "the previous report\n");
    struct stat st {};
    ASSERT_EQ(::stat(existing.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    EXPECT_FALSE(fs::exists(fresh)) << "a new output was committed although the run was stopped";
    EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo) << "the FIFO itself was replaced";
}

INSTANTIATE_TEST_SUITE_P(Signals, OutputSignalTest,
                         ::testing::Values(Row{"SIGTERM", SIGTERM}, Row{"SIGINT", SIGINT}),
                         [](const ::testing::TestParamInfo<Row>& param_info) {
                             return param_info.param.name;
                         });

}  // namespace
}  // namespace edgeplan::app_testing
