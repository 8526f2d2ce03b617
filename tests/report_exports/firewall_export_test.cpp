// --emit-firewall round trip: firewall.csv holds one row per planned rule, and nft accepts
// firewall.nft (`nft -c`, needs root) with every rule's addresses and ports in it.
#include <unistd.h>

#include <set>

#include "report/exports.h"
#include "tests/plan/plan_views.h"
#include "tests/report_exports/export_fixture.h"

namespace edgeplan::testing {
namespace {

// A minimal RFC 4180 reader: enough for the exporter's quoted cells.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            cell += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

struct FirewallCase {
    const char* name;
    Layout layout;
};

class FirewallExport : public ::testing::TestWithParam<FirewallCase> {};

TEST_P(FirewallExport, PassCsvAndNftHoldThePlannedRules) {
    const topology::Plan plan = export_plan(GetParam().layout);
    ScratchDir dir;
    const std::vector<std::string> files = report::write_firewall_files(plan, dir.path());
    ASSERT_EQ(files.size(), 2u);

    const auto rows = parse_csv(read_text(dir.path() + "/firewall.csv"));
    ASSERT_EQ(rows.size(), plan.firewall.size() + 1);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"side", "direction", "transport", "ports",
                                                 "source", "destination", "purpose", "rule"}));
    for (std::size_t i = 0; i < plan.firewall.size(); ++i) {
        const auto& r = plan.firewall[i];
        ASSERT_EQ(rows[i + 1].size(), 8u);
        EXPECT_EQ(rows[i + 1][0], topology::to_string(r.side));
        EXPECT_EQ(rows[i + 1][1], topology::to_string(r.direction));
        EXPECT_EQ(rows[i + 1][2], topology::to_string(r.transport));
        EXPECT_EQ(rows[i + 1][7], r.rule);
        for (const std::string& a : r.destination.addresses) {
            EXPECT_NE(rows[i + 1][5].find(a), std::string::npos) << view(r);
        }
    }

    const std::string nft = read_text(dir.path() + "/firewall.nft");
    for (const auto& r : plan.firewall) {
        // Every rule appears with its row label in a comment and its ports.
        EXPECT_NE(nft.find("comment \"" + r.row + " " + r.rule), std::string::npos) << view(r);
        for (const std::string& a : r.destination.addresses) {
            EXPECT_NE(nft.find(a), std::string::npos) << view(r);
        }
    }
    if (!have_tool("nft") || geteuid() != 0) GTEST_SKIP() << "nft -c needs nft and root";
    const CommandResult check = run_command("nft -c -f " + dir.path() + "/firewall.nft");
    EXPECT_EQ(check.status, 0) << check.output << nft;
}

INSTANTIATE_TEST_SUITE_P(Layouts, FirewallExport,
                         ::testing::Values(FirewallCase{"pass_S4_contoso_with_ipv6", Layout::s4},
                                           FirewallCase{"pass_S5_hardware_lb", Layout::s5}),
                         [](const ::testing::TestParamInfo<FirewallCase>& p) {
                             return p.param.name;
                         });

TEST(FirewallExportInvalid, OutOfRangePortIsSkippedSoTheRulesetStillLoads) {
    topology::Plan plan;
    topology::FirewallRule r;
    r.row = "X5";
    r.rule = "PORT-EXT-05";
    r.port_from = r.port_to = 70000;
    plan.firewall = {r};
    ScratchDir dir;
    report::write_firewall_files(plan, dir.path());
    const std::string nft = read_text(dir.path() + "/firewall.nft");
    EXPECT_NE(nft.find("# skipped X5 PORT-EXT-05"), std::string::npos) << nft;
    EXPECT_EQ(nft.find("dport 70000"), std::string::npos);
}

}  // namespace
}  // namespace edgeplan::testing
