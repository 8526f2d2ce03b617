// --emit-firewall round trip: firewall.csv holds one row per planned rule, nft accepts
// firewall.nft (`nft -c`, needs root) with every rule's addresses and ports in it, and
// firewall.ps1 has one New-NetFirewallRule per rule. No allow rule is written without both
// sides known: a rule with an unknown side is commented out, in every format.
#include <unistd.h>

#include <set>

#include "report/exports.h"
#include "tests/plan/plan_views.h"
#include "tests/report_exports/export_fixture.h"
#include "tests/support/required.h"
#include "topology/loader.h"

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
    ASSERT_EQ(files.size(), 3u);

    const auto rows = parse_csv(read_text(dir.path() + "/firewall.csv"));
    ASSERT_EQ(rows.size(), plan.firewall.size() + 1);
    EXPECT_EQ(rows[0],
              (std::vector<std::string>{"side", "direction", "transport", "ports", "source",
                                        "destination", "purpose", "rule", "status"}));
    for (std::size_t i = 0; i < plan.firewall.size(); ++i) {
        const auto& r = plan.firewall[i];
        ASSERT_EQ(rows[i + 1].size(), 9u);
        EXPECT_EQ(rows[i + 1][0], topology::to_string(r.side));
        EXPECT_EQ(rows[i + 1][1], topology::to_string(r.direction));
        EXPECT_EQ(rows[i + 1][2], topology::to_string(r.transport));
        EXPECT_EQ(rows[i + 1][7], r.rule);
        EXPECT_EQ(rows[i + 1][8], "apply") << view(r);
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
    if (!have_tool("nft") || geteuid() != 0)
        EDGEPLAN_REQUIRED_MISSING() << "nft -c needs nft and root";
    const CommandResult check = run_command("nft -c -f " + dir.path() + "/firewall.nft");
    EXPECT_EQ(check.status, 0) << check.output << nft;
}

// Every line of the nft ruleset that is not a comment and accepts traffic matches an address.
std::vector<std::string> bare_accepts(const std::string& nft) {
    std::vector<std::string> out;
    std::istringstream lines(nft);
    std::string line;
    while (std::getline(lines, line)) {
        const std::size_t start = line.find_first_not_of('\t');
        if (start == std::string::npos || line[start] == '#') continue;
        if (line.find(" accept") == std::string::npos) continue;
        if (line.find("saddr") == std::string::npos && line.find("daddr") == std::string::npos) {
            out.push_back(line);
        }
    }
    return out;
}

// Uncommented New-NetFirewallRule lines lacking a local or remote address.
std::vector<std::string> bare_ps_rules(const std::string& ps1) {
    std::vector<std::string> out;
    std::istringstream lines(ps1);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("New-NetFirewallRule", 0) != 0) continue;
        if (line.find(" -LocalAddress ") == std::string::npos ||
            line.find(" -RemoteAddress ") == std::string::npos ||
            line.find(" -Action Allow") == std::string::npos) {
            out.push_back(line);
        }
    }
    return out;
}

INSTANTIATE_TEST_SUITE_P(Layouts, FirewallExport,
                         ::testing::Values(FirewallCase{"pass_S4_contoso_with_ipv6", Layout::s4},
                                           FirewallCase{"pass_S5_hardware_lb", Layout::s5}),
                         [](const ::testing::TestParamInfo<FirewallCase>& p) {
                             return p.param.name;
                         });

TEST(FirewallExportUnknown, RuleWithAnUnknownSideIsCommentedOutEverywhere) {
    topology::Plan plan;
    topology::FirewallRule known;
    known.row = "X5";
    known.rule = "PORT-EXT-05";
    known.transport = topology::Transport::tcp;
    known.port_from = known.port_to = 443;
    known.source = {"Any", {}, topology::EndpointScope::any};
    known.destination = {"Access Edge external IP", {"198.51.100.10"}};
    topology::FirewallRule unknown = known;
    unknown.row = "I2";
    unknown.rule = "PORT-INT-02";
    unknown.side = topology::FirewallSide::internal;
    unknown.port_from = unknown.port_to = 5061;
    unknown.source = {"Next hop pool (address unknown)", {}, topology::EndpointScope::unknown};
    unknown.destination = {"Edge internal interface", {"10.0.20.10"}};
    plan.firewall = {known, unknown};
    ScratchDir dir;
    report::write_firewall_files(plan, dir.path());

    const std::string nft = read_text(dir.path() + "/firewall.nft");
    EXPECT_NE(nft.find("\t\tip daddr { 198.51.100.10 } tcp dport 443 accept"), std::string::npos)
        << nft;
    EXPECT_NE(nft.find("# I2 PORT-INT-02 not applied: source unknown (Next hop pool"),
              std::string::npos)
        << nft;
    EXPECT_NE(nft.find("\t\t# tcp dport 5061 accept"), std::string::npos) << nft;
    EXPECT_TRUE(bare_accepts(nft).empty()) << nft;

    const auto rows = parse_csv(read_text(dir.path() + "/firewall.csv"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1][8], "apply");
    EXPECT_EQ(rows[1][4], "Any (any by design)");
    EXPECT_EQ(rows[2][8], "unknown");

    const std::string ps1 = read_text(dir.path() + "/firewall.ps1");
    EXPECT_NE(ps1.find("New-NetFirewallRule -DisplayName 'edgeplan X5 PORT-EXT-05 : ' -Group "
                       "'edgeplan' -Direction Inbound -Protocol TCP -LocalPort 443 -LocalAddress "
                       "'198.51.100.10' -RemoteAddress Any -Action Allow\r\n"),
              std::string::npos)
        << ps1;
    EXPECT_NE(ps1.find("# New-NetFirewallRule -DisplayName 'edgeplan I2"), std::string::npos)
        << ps1;
    EXPECT_TRUE(bare_ps_rules(ps1).empty()) << ps1;
    if (have_tool("nft") && geteuid() == 0) {
        const CommandResult check = run_command("nft -c -f " + dir.path() + "/firewall.nft");
        EXPECT_EQ(check.status, 0) << check.output << nft;
    }
}

TEST(FirewallExportUnknown, OutboundRuleUsesTheRemotePort) {
    topology::Plan plan;
    topology::FirewallRule r;
    r.row = "X7";
    r.rule = "PORT-EXT-07";
    r.direction = topology::Direction::outbound;
    r.port_from = r.port_to = 5061;
    r.source = {"Access Edge external IP", {"198.51.100.10"}};
    r.destination = {"Federated partners", {}, topology::EndpointScope::any};
    plan.firewall = {r};
    ScratchDir dir;
    report::write_firewall_files(plan, dir.path());
    const std::string ps1 = read_text(dir.path() + "/firewall.ps1");
    EXPECT_NE(ps1.find("-Direction Outbound -Protocol TCP -RemotePort 5061 -LocalAddress "
                       "'198.51.100.10' -RemoteAddress Any -Action Allow"),
              std::string::npos)
        << ps1;
}

// The real exports of issue 9: a published topology whose Edge has no interface addresses
// (0.0.0.0) and a .tbxml whose Front End pool has none. Read from ../shared when present.
struct RealCase {
    const char* name;
    const char* file;
};

class FirewallExportReal : public ::testing::TestWithParam<RealCase> {};

TEST_P(FirewallExportReal, PassNoUncommentedAcceptLacksAnAddressMatch) {
    const std::string path =
        std::string(EDGEPLAN_SHARED_DIR) + "/real-topologies/" + GetParam().file;
    if (!std::filesystem::exists(path)) EDGEPLAN_REQUIRED_MISSING() << path << " not present";
    topology::LoadRequest request;
    request.topology_path = path;
    const topology::Plan plan = topology::derive_plan(topology::load_model(request));
    ScratchDir dir;
    report::write_firewall_files(plan, dir.path());
    const std::string nft = read_text(dir.path() + "/firewall.nft");
    EXPECT_TRUE(bare_accepts(nft).empty()) << nft;
    EXPECT_TRUE(bare_ps_rules(read_text(dir.path() + "/firewall.ps1")).empty());

    // Each rule with an unknown side is commented out, marked in the CSV, and its missing
    // address is one of the plan's Unknowns.
    const auto rows = parse_csv(read_text(dir.path() + "/firewall.csv"));
    ASSERT_EQ(rows.size(), plan.firewall.size() + 1);
    std::size_t unknown_rules = 0;
    for (std::size_t i = 0; i < plan.firewall.size(); ++i) {
        const auto& r = plan.firewall[i];
        const bool known = r.source.known() && r.destination.known();
        EXPECT_EQ(rows[i + 1][8], known ? "apply" : "unknown") << view(r);
        if (known) continue;
        ++unknown_rules;
        EXPECT_NE(nft.find("# " + r.row + " " + r.rule + " not applied"), std::string::npos)
            << view(r);
    }
    EXPECT_GT(unknown_rules, 0u);
    std::string unknowns;
    for (const auto& u : plan.unknowns) unknowns += u.what + "\n";
    EXPECT_NE(unknowns.find("Next hop pool"), std::string::npos) << unknowns;
    if (have_tool("nft") && geteuid() == 0) {
        const CommandResult check = run_command("nft -c -f " + dir.path() + "/firewall.nft");
        EXPECT_EQ(check.status, 0) << check.output << nft;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Real, FirewallExportReal,
    ::testing::Values(RealCase{"SkypeforBusiness_lab_V3",
                               "SkypeforBusiness_lab_V3-DefaultTopology_Skype.xml"},
                      RealCase{"SfBAutomatedLab_Contoso", "SfBAutomatedLab-Contoso.tbxml"}),
    [](const ::testing::TestParamInfo<RealCase>& p) { return p.param.name; });

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
