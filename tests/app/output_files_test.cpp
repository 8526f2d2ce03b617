// edgeplan writes only the outputs named, never replaces a special file or a symlink, never
// overwrites an input, and commits all report outputs of a run together (issue "Trust"). As
// root, `--output json=/dev/null` once replaced the /dev/null node with a regular file.
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <gtest/gtest.h>

#include "tests/app/support.h"
#include "tests/support/required.h"

namespace edgeplan::app_testing {
namespace {

const std::string sample = source("samples/s1-single-public/topology.xml");
const std::string plan = "plan '" + sample + "' --now 2026-06-01 -q";

bool leftovers(const TempDir& dir) {
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        if (entry.path().filename().string().find(".tmp.") != std::string::npos) return true;
    }
    return false;
}

TEST(OutputFiles, CharacterDeviceIsWrittenThroughNotReplaced) {
    if (!is_root()) EDGEPLAN_REQUIRED_MISSING() << "mknod needs root";
    TempDir dir;
    const fs::path device = dir.path() / "null";
    ASSERT_EQ(::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
    const RunResult r = edgeplan(dir, plan + " --output json=null");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::is_character_file(fs::symlink_status(device)));
}

TEST(OutputFiles, SymlinksAreFollowedAndKept) {
    TempDir dir;
    write_text(dir.path() / "target.json", "old");
    fs::create_symlink("target.json", dir.path() / "link.json");
    fs::create_symlink("created.json", dir.path() / "dangling.json");
    const RunResult r =
        edgeplan(dir, plan + " --output json=link.json --output html=dangling.json");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(dir.path() / "link.json"));
    EXPECT_TRUE(fs::is_symlink(dir.path() / "dangling.json"));
    EXPECT_NE(read_text(dir.path() / "target.json").find("\"findings\""), std::string::npos);
    EXPECT_NE(read_text(dir.path() / "created.json").find("<html"), std::string::npos);
}

struct Refusal {
    std::string name;  // starts with the expected exit code
    std::string args;
    std::string message;
};

TEST(OutputFiles, RefusedBeforeAnythingIsWritten) {
    TempDir dir;
    ASSERT_EQ(run("cd " + quote(dir.path()) +
                  " && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out ca.pem "
                  "-subj /CN=edgeplan-test -days 2 >/dev/null 2>&1"),
              0);
    fs::copy_file(sample, dir.path() / "topology.xml");
    fs::create_symlink("topology.xml", dir.path() / "topology-link.xml");
    fs::create_hard_link(dir.path() / "topology.xml", dir.path() / "topology-hard.xml");
    fs::create_directory(dir.path() / "out");
    const std::string plan_here = "plan topology.xml --now 2026-06-01 -q";
    // Probes would go to 127.0.0.1:9 only; every row stops before the first.
    const std::string check_here =
        "check topology.xml --now 2026-06-01 -q --dns-server 127.0.0.1:9";
    const std::vector<Refusal> rows{
        {"2 - the output is the topology", plan_here + " --output json=topology.xml",
         "is the input"},
        {"2 - the output is the topology through a symlink",
         plan_here + " --output json=topology-link.xml", "is the input"},
        {"2 - the output is the topology through a hard link",
         plan_here + " --output json=topology-hard.xml", "is the input"},
        {"2 - the output is the --ca-file", plan_here + " --ca-file ca.pem --output json=ca.pem",
         "is the input"},
        {"2 - --record is the topology", check_here + " --record topology.xml", "is the input"},
        {"2 - --record and --output on one file",
         check_here + " --record r.json --output html=./out/../r.json", "is also written by"},
        {"2 - two outputs on one path", plan_here + " --output json=a.json --output html=a.json",
         "is also written by"},
        {"2 - an output in a missing directory", check_here + " --output json=missing/a.json",
         "does not exist"},
        {"2 - an output that is a directory", plan_here + " --output json=out", "is a directory"},
    };
    for (const Refusal& row : rows) {
        const RunResult r = edgeplan(dir, row.args);
        EXPECT_EQ(r.status, 2) << row.name << "\n" << r.err;
        EXPECT_NE(r.err.find(row.message), std::string::npos) << row.name << "\n" << r.err;
    }
    EXPECT_EQ(read_text(dir.path() / "topology.xml"), read_text(sample));
    EXPECT_FALSE(fs::exists(dir.path() / "a.json"));
    EXPECT_FALSE(fs::exists(dir.path() / "r.json"));
    EXPECT_FALSE(leftovers(dir));
}

TEST(OutputFiles, OneFailingOutputLeavesNoneWritten) {
    TempDir dir;
    // A FIFO without a reader passes the checks (it is a FIFO) and fails when written.
    ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
    const RunResult r = edgeplan(dir, plan + " --output json=a.json --output html=fifo");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find("the FIFO has no reader"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.path() / "a.json"));
    EXPECT_FALSE(leftovers(dir));
}

// The files are rendered straight into their temporaries (OutputSet::set_writer): the same
// bytes as the report on standard output, and a write that fails midway leaves nothing.
TEST(OutputFiles, FileOutputsEqualStandardOutput) {
    TempDir dir;
    for (const char* format : {"html", "json", "text"}) {
        const RunResult r = edgeplan(dir, "plan '" + sample + "' --now 2026-06-01 --format " +
                                              format + " --output " + format + "=out." + format);
        EXPECT_EQ(r.status, 0) << r.err;
        EXPECT_GT(r.out.size(), 1000u) << format;
        EXPECT_EQ(read_text(dir.path() / ("out." + std::string(format))), r.out) << format;
    }
    EXPECT_FALSE(leftovers(dir));
}

TEST(OutputFiles, FullDeviceMidwayLeavesNoneWritten) {
    if (!is_root()) EDGEPLAN_REQUIRED_MISSING() << "mknod needs root";
    TempDir dir;
    // Like /dev/full (1,7): every write fails with ENOSPC, after the checks passed.
    ASSERT_EQ(::mknod((dir.path() / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
    const RunResult r = edgeplan(dir, plan + " --output json=a.json --output html=full");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find("cannot write --output html full"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.path() / "a.json"));
    EXPECT_FALSE(leftovers(dir));
}

TEST(OutputFiles, FailedStdoutIsExitThree) {
    TempDir dir;
    if (is_root()) {
        // A device like /dev/full (1,7): every write fails with ENOSPC.
        ASSERT_EQ(::mknod((dir.path() / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
        EXPECT_EQ(run("cd " + quote(dir.path()) + " && '" EDGEPLAN_BINARY "' plan '" + sample +
                      "' --now 2026-06-01 >full 2>/dev/null"),
                  3);
    }
    // EPIPE with SIGPIPE ignored: the reader went away after one byte.
    const std::string script = "trap '' PIPE; '" EDGEPLAN_BINARY "' plan '" + sample +
                               "' --now 2026-06-01 --format json 2>/dev/null | head -c 1 "
                               ">/dev/null; exit ${PIPESTATUS[0]}";
    write_text(dir.path() / "epipe.sh", script);
    EXPECT_EQ(run("bash " + quote(dir.path() / "epipe.sh")), 3);
}

}  // namespace
}  // namespace edgeplan::app_testing
