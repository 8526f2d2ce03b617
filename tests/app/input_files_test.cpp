// Every file given as input is opened without blocking and refused unless it is a regular file
// (issue "Trust"): a FIFO hung the run forever, a directory was "9223372036854775807 bytes".
// One row per input option and kind of file; each run is bounded (support.h).
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <gtest/gtest.h>

#include "tests/app/support.h"

namespace edgeplan::app_testing {
namespace {

const std::string sample = source("samples/s1-single-public/topology.xml");

// Special files in the test's own folder (never /dev itself).
struct SpecialFiles {
    fs::path fifo, directory, device, link_to_fifo;
    explicit SpecialFiles(const TempDir& dir)
        : fifo(dir.path() / "fifo"),
          directory(dir.path() / "directory"),
          device(dir.path() / "null-device"),
          link_to_fifo(dir.path() / "link-to-fifo") {
        EXPECT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
        fs::create_directory(directory);
        fs::create_symlink(fifo, link_to_fifo);
        // A character device like /dev/null (1,3); root only.
        if (is_root()) {
            EXPECT_EQ(::mknod(device.c_str(), S_IFCHR | 0600, makedev(1, 3)), 0);
        }
    }
};

struct Kind {
    std::string name;
    fs::path path;
    std::string message;
};

TEST(InputFiles, EveryInputRefusesFifoDirectoryDeviceAndLinkToFifo) {
    TempDir dir;
    const SpecialFiles special(dir);
    std::vector<Kind> kinds{{"FIFO", special.fifo, "is a FIFO"},
                            {"directory", special.directory, "is a directory"},
                            {"symlink to a FIFO", special.link_to_fifo, "is a FIFO"}};
    if (is_root()) kinds.push_back({"character device", special.device, "is a character device"});

    const std::string plan = "plan --now 2026-06-01 ";
    const std::string check = "check '" + sample + "' --now 2026-06-01 --dns-server 127.0.0.1:9 ";
    // {option, command line with the file at %}
    const std::vector<std::pair<std::string, std::string>> inputs{
        {"TOPOLOGY of plan", plan + "%"},
        {"TOPOLOGY of check", "check % --dns-server 127.0.0.1:9"},
        {"--settings", plan + "'" + sample + "' --settings %"},
        {"--cert", plan + "'" + sample + "' --cert edge:external=%"},
        {"--ca-file", plan + "'" + sample + "' --ca-file %"},
        {"--baseline", plan + "'" + sample + "' --baseline %"},
        {"--waivers", plan + "'" + sample + "' --waivers %"},
        {"--client-cert", check + "--client-cert %"},
        {"--replay", check + "--replay %"},
    };
    for (const auto& [option, pattern] : inputs) {
        for (const Kind& kind : kinds) {
            std::string args = pattern;
            args.replace(args.find('%'), 1, quote(kind.path));
            const RunResult r = edgeplan(dir, args);
            EXPECT_EQ(r.status, 2) << "2 - " << option << " is a " << kind.name << "\n" << r.err;
            EXPECT_NE(r.err.find(kind.message), std::string::npos)
                << option << " / " << kind.name << ": " << r.err;
        }
    }
}

TEST(InputFiles, CaFileWithoutCertificateIsAnInputError) {
    TempDir dir;
    write_text(dir.path() / "empty.pem", "no certificate here\n");
    const RunResult r = edgeplan(dir, "plan '" + sample + "' --now 2026-06-01 --ca-file empty.pem");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("holds no PEM certificate"), std::string::npos) << r.err;
}

struct JsonRow {
    std::string name;
    std::string option;
    std::string text;
    std::string message;
};

TEST(InputFiles, JsonReadersRefuseOutOfRangeNumbersAndNonAddresses) {
    const std::vector<JsonRow> rows{
        {"2 - a baseline with 1e999999", "--baseline", R"({"schema_version": 1e999999})",
         "not JSON"},
        {"2 - waivers with 1e999999", "--waivers",
         R"({"schema_version":"1.0","waivers":[{"check_id":"FED-05","expires":1e999999}]})",
         "not JSON"},
    };
    TempDir dir;
    for (const JsonRow& row : rows) {
        write_text(dir.path() / "input.json", row.text);
        const RunResult r =
            edgeplan(dir, "plan '" + sample + "' --now 2026-06-01 " + row.option + " input.json");
        EXPECT_EQ(r.status, 2) << row.name << "\n" << r.err;
        EXPECT_NE(r.err.find(row.message), std::string::npos) << row.name << "\n" << r.err;
    }
    // A replayed DNS answer must hold IP addresses: "999.1.1.1" once passed DNS-A-EXT-04.
    write_text(dir.path() / "replay.json",
               R"({"dns":[{"query":{"name":"sip.contoso.com","type":"A","server":"127.0.0.1"},)"
               R"("outcome":"ok","addresses":["999.1.1.1"]}]})");
    const RunResult r =
        edgeplan(dir, "check '" + sample + "' --now 2026-06-01 --replay replay.json");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("'999.1.1.1' is not an IP address"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace edgeplan::app_testing
