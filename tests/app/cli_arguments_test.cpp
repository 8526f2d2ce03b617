// Every value given on the command line is used or refused (issue "Trust"): a typo in --only,
// an empty string from an unset variable, an impossible date or a wrapped number is a usage
// error (exit 2) that says what is wrong, never a run that quietly checks less.
#include <gtest/gtest.h>

#include "tests/app/support.h"

namespace edgeplan::app_testing {
namespace {

struct Row {
    std::string name;  // starts with the expected exit code
    std::string args;
    int expected;
    std::string message;  // part of stderr (exit 2) or empty
};

const std::string sample = source("samples/s1-single-public/topology.xml");
const std::string now = " --now 2026-06-01";

TEST(CliArguments, OneRowPerOutcome) {
    const std::string plan = "plan '" + sample + "'" + now;
    // `check` rows stop at argument checking: an unreadable topology would be exit 2 as well,
    // so they name the real sample and the message tells which refusal it was.
    const std::string check = "check '" + sample + "'" + now;
    const std::vector<Row> rows{
        {"2 - no command prints usage", "", 2, "usage: edgeplan"},
        {"0 - plan without TOPOLOGY plans the embedded sample", "plan" + now + " -q", 0, ""},
        {"2 - an empty TOPOLOGY", "plan ''", 2, "TOPOLOGY is an empty string"},
        {"2 - an empty --settings", plan + " --settings ''", 2, "--settings is an empty string"},
        {"2 - an empty --waivers", plan + " --waivers ''", 2, "--waivers is an empty string"},
        {"2 - an empty --baseline", plan + " --baseline ''", 2, "--baseline is an empty string"},
        {"2 - an empty --output", plan + " --output ''", 2, "--output is an empty string"},
        {"0 - a switch is not an empty value", plan + " -q --verbose", 0, ""},
        {"2 - --only names no check", plan + " --only NOPE-99", 2, "'NOPE-99' names no check"},
        {"2 - --skip with a typo, closest IDs suggested", plan + " --skip FED-O5", 2,
         "did you mean FED-05"},
        {"2 - one bad name among good ones", plan + " --only FED-05,XMPP-99", 2, "'XMPP-99'"},
        {"2 - an empty name in a list", plan + " --only FED-05,", 2, "empty name"},
        {"0 - --only in lower case", plan + " --only fed-05 -q", 0, ""},
        {"0 - --only comma-separated", plan + " --only FED-05,XMPP-13 -q", 0, ""},
        {"0 - --only by area and kind", plan + " --only Federation --only OFFLINE -q", 0, ""},
        {"2 - plan --only a live check runs nothing", plan + " --only DNS-A-EXT-04", 2,
         "no offline check"},
        {"2 - --now an impossible date", "plan --now 2026-02-30", 2, "is not a date"},
        {"2 - --now 29 February of a common year", "plan --now 2025-02-29", 2, "is not a date"},
        {"2 - --now month 13", "plan --now 2026-13-01", 2, "is not a date"},
        {"2 - --now before 1970", "plan --now 1969-12-31", 2, "is not a date"},
        {"2 - --now a five-digit year", "plan --now 10000-01-01", 2, "is not a date"},
        {"2 - --now an impossible time", "plan --now 2026-06-01T24:00:00Z", 2, "is not a date"},
        {"0 - --now a leap day", "plan --now 2024-02-29 -q", 0, ""},
        {"0 - --now the first day", "plan --now 1970-01-01 -q", 0, ""},
        {"0 - --now the last day", "plan --now 9999-12-31 -q", 0, ""},
        {"0 - --now past a nanosecond clock (2262)", "plan --now 2300-01-01 -q", 0, ""},
        {"2 - check --now before 1970", "check '" + sample + "' --now 1969-12-31", 2,
         "is not a date"},
        {"2 - diff --now a five-digit year",
         "diff '" + sample + "' '" + sample + "' --now 10000-01-01", 2, "is not a date"},
        {"2 - --concurrency -1", check + " --concurrency -1", 2, "--concurrency '-1'"},
        {"2 - --concurrency +5", check + " --concurrency +5", 2, "--concurrency '+5'"},
        {"2 - --concurrency overflows", check + " --concurrency 99999999999999999999999", 2,
         "--concurrency"},
        {"2 - --sample 0", check + " --sample 0", 2, "--sample '0'"},
        {"2 - --expiry-warning-days -1", plan + " --expiry-warning-days -1", 2,
         "--expiry-warning-days '-1'"},
        {"2 - --dns-server not an address", check + " --dns-server abc", 2, "--dns-server 'abc'"},
        {"2 - --dns-server port out of range", check + " --dns-server 127.0.0.1:99999", 2,
         "--dns-server '127.0.0.1:99999'"},
        {"2 - --dns-server port 0", check + " --dns-server :0", 2, "--dns-server ':0'"},
        {"2 - --internal-dns-server not an address", check + " --internal-dns-server x:53", 2,
         "--internal-dns-server 'x:53'"},
        {"2 - --target not an address", check + " --target 999.1.1.1", 2, "--target"},
        {"2 - --source-address not an address", check + " --source-address nope", 2,
         "--source-address"},
        {"2 - --responder not an address", check + " --from edge --responder nope", 2,
         "--responder"},
    };
    TempDir dir;
    for (const Row& row : rows) {
        const RunResult r = edgeplan(dir, row.args);
        EXPECT_EQ(r.status, row.expected) << row.name << "\n" << r.err;
        if (!row.message.empty()) {
            EXPECT_NE(r.err.find(row.message), std::string::npos) << row.name << "\n" << r.err;
        }
    }
}

// The date a run used is the date given, to the second, at both ends of the accepted range
// and past April 2262, where a nanosecond clock wrapped (2300-01-01 became 1715).
TEST(CliArguments, NowIsReportedAsGiven) {
    TempDir dir;
    for (const std::string date : {"1970-01-01T00:00:00Z", "2024-02-29T12:00:00Z",
                                   "2300-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
        const RunResult r = edgeplan(dir, "plan '" + sample + "' --format json --now " + date);
        EXPECT_EQ(r.status, 0) << date << "\n" << r.err;
        EXPECT_NE(r.out.find("\"now\": \"" + date + "\""), std::string::npos) << date;
    }
    const RunResult day = edgeplan(dir, "plan '" + sample + "' --format json --now 9999-12-31");
    EXPECT_NE(day.out.find("\"now\": \"9999-12-31T00:00:00Z\""), std::string::npos);
}

}  // namespace
}  // namespace edgeplan::app_testing
