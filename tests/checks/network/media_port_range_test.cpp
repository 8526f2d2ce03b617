// PORT-AV-02: one row per outcome (docs/checks/PORT-AV-02.md), each asserting the finding's ID,
// status and evidence. The plan is derived from the row's model as `edgeplan plan` derives it,
// except where a row edits the firewall rows to stand for a plan that lags the model.
#include "checks/network/media_port_range.h"

#include "tests/checks/test_model.h"

namespace edgeplan::testing {
namespace {

using Evidence = checks::Evidence;

struct MediaRow {
    std::string name;  // starts with the expected status
    std::function<void(Model&)> model_edit;
    std::function<void(Plan&)> plan_edit;  // after derive_plan
    Status expected;
    std::string subject;
    Evidence evidence;
    std::string reason = "";
};

void stated(Model& m, int start, int count) {
    EdgePorts& ports = m.edge_pools[0].ports;
    ports.media_start = start;
    ports.media_count = count;
    ports.media_range_where = SourceLocation{"Get-CsService-EdgeServer.xml", 12, 5};
}

// The S4 model federates (X9 planned); an OCS 2007 partner adds X10..X12.
void ocs2007_partner(Model& m) {
    m.federation.allowed.push_back(
        AllowedDomain{"tailspin.example", "", PartnerVersion::ocs2007, at(52)});
}

const char* const kSource = "Get-CsService-EdgeServer.xml:12:5";

TEST(MediaPortRangeCheck, OneRowPerOutcome) {
    const checks::MediaPortRangeCheck check;
    ASSERT_EQ(check.info().id, "PORT-AV-02");
    const std::vector<MediaRow> rows{
        {"pass - stated default range, X9 covers it",
         [](Model& m) { stated(m, 50000, 10000); },
         nullptr,
         Status::pass,
         "pool:edgepool",
         {{"expected", "50000-59999"},
          {"observed", "50000-59999"},
          {"source", kSource},
          {"row", "X9"},
          {"transport", "tcp"},
          {"port", "50000-59999"}}},
        {"warn - changed range, X9 follows it",
         [](Model& m) { stated(m, 40000, 100); },
         nullptr,
         Status::warn,
         "pool:edgepool",
         {{"expected", "50000-59999"},
          {"observed", "40000-40099"},
          {"source", kSource},
          {"row", "X9"},
          {"transport", "tcp"},
          {"port", "40000-40099"}}},
        {"warn - changed range without federation, no media rule planned",
         [](Model& m) {
             no_federation(m);
             stated(m, 51000, 5000);
         },
         nullptr,
         Status::warn,
         "pool:edgepool",
         {{"expected", "50000-59999"}, {"observed", "51000-55999"}, {"source", kSource}}},
        {"fail - changed range, X9 still opens the default range",
         [](Model& m) { stated(m, 40000, 100); },
         [](Plan& p) {
             for (FirewallRule& r : p.firewall) {
                 if (r.row == "X9") {
                     r.port_from = 50000;
                     r.port_to = 59999;
                 }
             }
         },
         Status::fail,
         "pool:edgepool",
         {{"expected", "50000-59999"},
          {"observed", "40000-40099"},
          {"source", kSource},
          {"row", "X9"},
          {"transport", "tcp"},
          {"port", "50000-59999"},
          {"unexpected", "X9 tcp outbound 50000-59999"}}},
        {"fail - OCS 2007 row X12 ends short of the stated default range",
         [](Model& m) {
             ocs2007_partner(m);
             stated(m, 50000, 10000);
         },
         [](Plan& p) {
             for (FirewallRule& r : p.firewall) {
                 if (r.row == "X12") r.port_to = 50999;
             }
         },
         Status::fail,
         "pool:edgepool",
         {{"expected", "50000-59999"},
          {"observed", "50000-59999"},
          {"source", kSource},
          {"row", "X9"},
          {"transport", "tcp"},
          {"port", "50000-59999"},
          {"row", "X10"},
          {"transport", "udp"},
          {"port", "50000-59999"},
          {"row", "X11"},
          {"transport", "tcp"},
          {"port", "50000-59999"},
          {"row", "X12"},
          {"transport", "udp"},
          {"port", "50000-50999"},
          {"unexpected", "X12 udp inbound 50000-50999"}}},
        {"skip - range not stated, only the model default",
         nullptr,
         nullptr,
         Status::skip,
         "pool:edgepool",
         {{"cmdlet", "Get-CsService -EdgeServer"},
          {"settings_xml",
           "<EdgePool ref=\"edgepool\"><External><AudioVideo mediaPortStart=\"50000\" "
           "mediaPortCount=\"10000\"/></External></EdgePool>"}},
         "unknown_input"},
        {"skip - no Edge pool",
         [](Model& m) { m.edge_pools.clear(); },
         nullptr,
         Status::skip,
         "topology",
         {},
         "not_applicable"},
    };
    for (const MediaRow& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(row.name.rfind(std::string(checks::to_string(row.expected)) + " - ", 0), 0u);
        Model model = s4_model();
        if (row.model_edit) row.model_edit(model);
        Plan plan = topology::derive_plan(model);
        if (row.plan_edit) row.plan_edit(plan);
        const checks::CheckContext context{model, plan, default_now()};
        const std::vector<Finding> findings = check.evaluate(context);
        ASSERT_EQ(findings.size(), 1u) << subjects_of(findings);
        const Finding& f = findings[0];
        EXPECT_EQ(f.check_id, "PORT-AV-02");
        EXPECT_EQ(f.subject, row.subject);
        EXPECT_EQ(checks::to_string(f.status), std::string(checks::to_string(row.expected)))
            << f.message;
        EXPECT_EQ(f.skip_reason, row.reason);
        EXPECT_EQ(f.evidence, row.evidence) << f.message;
        if (row.expected != Status::skip) {
            EXPECT_EQ(f.where.to_string(), kSource);
        }
    }
}

// A pool of its own range in a two-pool topology is judged on its own rows only.
TEST(MediaPortRangeCheck, EachPoolAgainstItsOwnRules) {
    Model model = s4_model();
    stated(model, 50000, 10000);
    EdgePool second = copy_pool(model.edge_pools[0], "edgepool2");
    second.ports.media_start = 45000;
    second.ports.media_count = 2000;
    second.ports.media_range_where = at(70);
    model.edge_pools.push_back(second);
    const Plan plan = topology::derive_plan(model);
    const checks::CheckContext context{model, plan, default_now()};
    const std::vector<Finding> findings = checks::MediaPortRangeCheck().evaluate(context);
    ASSERT_EQ(findings.size(), 2u) << subjects_of(findings);
    EXPECT_EQ(findings[0].subject, "pool:edgepool");
    EXPECT_EQ(findings[0].status, Status::pass) << findings[0].message;
    EXPECT_EQ(findings[1].subject, "pool:edgepool2");
    EXPECT_EQ(findings[1].status, Status::warn) << findings[1].message;
    EXPECT_EQ(findings[1].where.to_string(), "test.xml:70:1");
}

}  // namespace
}  // namespace edgeplan::testing
