#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/renderers.h"
#include "sample_report.h"

namespace edgeplan::report {
namespace {

using nlohmann::json;

void expect_location(const json& j, const topology::SourceLocation& where) {
    if (where.file.empty() && !where.known()) {
        EXPECT_FALSE(j.contains("location")) << j.dump();
        return;
    }
    ASSERT_TRUE(j.contains("location")) << j.dump();
    const json& l = j.at("location");
    EXPECT_EQ(l.at("file"), where.file.str());
    EXPECT_EQ(l.contains("line"), where.known());
    if (where.known()) {
        EXPECT_EQ(l.at("line"), where.line);
        EXPECT_EQ(l.at("column"), where.column);
    }
}

TEST(JsonRenderer, HeaderFields) {
    const Report r = testing::sample_report();
    const json j = to_json(r);
    EXPECT_EQ(j.at("schema_version"), "1.1");
    EXPECT_EQ(j.at("fail_on"), r.fail_on_warn ? "warn" : "fail");
    ASSERT_EQ(j.at("catalogue").size(), r.catalogue.size());
    EXPECT_FALSE(j.contains("gate"));  // only with --baseline or --waivers
    EXPECT_EQ(j.at("verdict"), "FAIL");
    EXPECT_TRUE(j.at("groups").empty()) << "the sample's problems share no cause";
    EXPECT_EQ(j.at("tool").at("name"), "edgeplan");
    EXPECT_EQ(j.at("tool").at("version"), r.tool_version);
    EXPECT_EQ(j.at("command"), r.command);
    EXPECT_EQ(j.at("started_at"), r.started_at);
    EXPECT_EQ(j.at("now"), r.now);
    ASSERT_EQ(j.at("inputs").size(), r.inputs.size());
    for (std::size_t i = 0; i < r.inputs.size(); ++i) {
        EXPECT_EQ(j["inputs"][i].at("role"), r.inputs[i].role);
        EXPECT_EQ(j["inputs"][i].at("path"), r.inputs[i].path);
        EXPECT_EQ(j["inputs"][i].at("sha256"), r.inputs[i].sha256);
        EXPECT_EQ(j["inputs"][i].at("format"), r.inputs[i].format);
    }
    // Options keep their order and repetitions (two --output).
    ASSERT_EQ(j.at("options").size(), r.options.size());
    for (std::size_t i = 0; i < r.options.size(); ++i) {
        EXPECT_EQ(j["options"][i].at("name"), r.options[i].first);
        EXPECT_EQ(j["options"][i].at("value"), r.options[i].second);
    }
}

TEST(JsonRenderer, PlanCarriesEveryField) {
    const topology::Plan plan = testing::sample_plan();
    const json j = plan_to_json(plan);
    ASSERT_EQ(j.at("dns").size(), plan.dns.size());
    for (std::size_t i = 0; i < plan.dns.size(); ++i) {
        const topology::DnsRecord& d = plan.dns[i];
        const json& o = j["dns"][i];
        EXPECT_EQ(o.at("zone_kind"), to_string(d.zone_kind));
        EXPECT_EQ(o.at("zone"), d.zone.str());
        EXPECT_EQ(o.at("name"), d.name.str());
        EXPECT_EQ(o.at("type"), to_string(d.type));
        EXPECT_EQ(o.at("value"), d.value);
        EXPECT_EQ(o.at("priority"), d.priority);
        EXPECT_EQ(o.at("weight"), d.weight);
        EXPECT_EQ(o.at("port"), d.port);
        EXPECT_EQ(o.at("purpose"), d.purpose.str());
        EXPECT_EQ(o.at("rule"), d.rule.str());
        EXPECT_EQ(o.at("pool_id"), d.pool_id.str());
        expect_location(o, d.where);
    }
    ASSERT_EQ(j.at("firewall").size(), plan.firewall.size());
    for (std::size_t i = 0; i < plan.firewall.size(); ++i) {
        const topology::FirewallRule& f = plan.firewall[i];
        const json& o = j["firewall"][i];
        EXPECT_EQ(o.at("row"), f.row);
        EXPECT_EQ(o.at("side"), to_string(f.side));
        EXPECT_EQ(o.at("direction"), to_string(f.direction));
        EXPECT_EQ(o.at("transport"), to_string(f.transport));
        EXPECT_EQ(o.at("port_from"), f.port_from);
        EXPECT_EQ(o.at("port_to"), f.port_to);
        EXPECT_EQ(o.at("source").at("label"), f.source.label);
        EXPECT_EQ(o.at("source").at("addresses"), f.source.addresses.values());
        EXPECT_EQ(o.at("destination").at("label"), f.destination.label);
        EXPECT_EQ(o.at("destination").at("addresses"), f.destination.addresses.values());
        EXPECT_EQ(o.at("probe_addresses"), f.probe_addresses.values());
        EXPECT_EQ(o.at("protocol"), f.protocol);
        EXPECT_EQ(o.at("purpose"), f.purpose);
        EXPECT_EQ(o.at("rule"), f.rule);
        EXPECT_EQ(o.at("pool_id"), f.pool_id);
        expect_location(o, f.where);
    }
    ASSERT_EQ(j.at("certificates").size(), plan.certificates.size());
    for (std::size_t i = 0; i < plan.certificates.size(); ++i) {
        const topology::CertificateRequest& c = plan.certificates[i];
        const json& o = j["certificates"][i];
        EXPECT_EQ(o.at("pool_id"), c.pool_id);
        EXPECT_EQ(o.at("use"), to_string(c.use));
        EXPECT_EQ(o.at("subject"), c.subject);
        EXPECT_EQ(o.at("sans"), c.sans);
        ASSERT_EQ(o.at("ekus").size(), c.ekus.size());
        for (std::size_t k = 0; k < c.ekus.size(); ++k) {
            EXPECT_EQ(o["ekus"][k], to_string(c.ekus[k]));
        }
        EXPECT_EQ(o.at("exportable_key"), c.exportable_key);
        EXPECT_EQ(o.at("public_ca"), c.public_ca);
        EXPECT_EQ(o.at("assigned_to"), c.assigned_to);
        EXPECT_EQ(o.at("rules"), c.rules);
        expect_location(o, c.where);
    }
    ASSERT_EQ(j.at("unknowns").size(), plan.unknowns.size());
    for (std::size_t i = 0; i < plan.unknowns.size(); ++i) {
        const topology::Unknown& u = plan.unknowns[i];
        const json& o = j["unknowns"][i];
        EXPECT_EQ(o.at("what"), u.what);
        EXPECT_EQ(o.at("rule"), u.rule);
        EXPECT_EQ(o.at("subject"), u.subject);
        expect_location(o, u.where);
    }
}

TEST(JsonRenderer, FindingsCarryEvidenceInOrderAndTheirCatalogueEntry) {
    const Report r = testing::sample_report();
    const json j = to_json(r);
    ASSERT_EQ(j.at("findings").size(), r.findings.size());
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const checks::Finding& f = r.findings[i];
        const json& o = j["findings"][i];
        SCOPED_TRACE(f.check_id);
        EXPECT_EQ(o.at("check_id"), f.check_id.str());
        EXPECT_EQ(o.at("status"), to_string(f.status));
        EXPECT_EQ(o.at("subject"), f.subject);
        EXPECT_EQ(o.at("message"), f.message.str());
        ASSERT_EQ(o.at("evidence").size(), f.evidence.size());
        for (std::size_t k = 0; k < f.evidence.size(); ++k) {
            EXPECT_EQ(o["evidence"][k].at("key"), f.evidence[k].key.str());
            EXPECT_EQ(o["evidence"][k].at("value"), f.evidence[k].value.str());
        }
        EXPECT_EQ(o.contains("skip_reason"), f.status == checks::Status::skip);
        if (f.status == checks::Status::skip) {
            EXPECT_EQ(o.at("skip_reason"), f.skip_reason.str());
        }
        const checks::CheckInfo& info = r.catalogue.at(f.check_id.str());
        EXPECT_EQ(o.at("title"), info.title);
        EXPECT_EQ(o.at("area"), info.area);
        EXPECT_EQ(o.at("severity"), to_string(info.severity));
        EXPECT_EQ(o.at("kind"), to_string(info.kind));
        EXPECT_EQ(o.at("remediation"), info.remediation);
        ASSERT_EQ(o.at("citation").size(), info.citations.size());
        for (std::size_t k = 0; k < info.citations.size(); ++k) {
            EXPECT_EQ(o["citation"][k].at("key"), info.citations[k].key);
            EXPECT_EQ(o["citation"][k].at("page"), info.citations[k].page);
        }
        expect_location(o, f.where);
    }
}

TEST(JsonRenderer, FindingWithoutCatalogueEntryHasOnlyItsOwnFields) {
    Report r = testing::sample_report();
    r.catalogue.clear();
    const json o = to_json(r).at("findings").at(0);
    for (const char* key : {"title", "area", "kind", "severity", "citation", "remediation"}) {
        EXPECT_FALSE(o.contains(key)) << key;
    }
    EXPECT_TRUE(o.contains("evidence"));
}

TEST(JsonRenderer, SummaryMatchesTheFindings) {
    const Report r = testing::sample_report();
    const Summary s = r.summary();
    const json j = to_json(r).at("summary");
    EXPECT_EQ(j.at("pass"), s.pass);
    EXPECT_EQ(j.at("warn"), s.warn);
    EXPECT_EQ(j.at("fail"), s.fail);
    EXPECT_EQ(j.at("skip"), s.skip);
    EXPECT_EQ(j.at("error"), s.error);
    EXPECT_EQ(j.at("total"), static_cast<int>(r.findings.size()));
}

TEST(JsonRenderer, StringsRoundTripExactlyAndOutputIsDeterministic) {
    const Report r = testing::sample_report();
    const std::string text = to_json(r).dump(2);
    EXPECT_EQ(text, to_json(Report(r)).dump(2));
    const json back = json::parse(text);
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        EXPECT_EQ(back["findings"][i]["message"],
                  r.findings[i].message.str());                            // <script>, unicode
        EXPECT_EQ(back["findings"][i]["subject"], r.findings[i].subject);  // ESC survives as data
    }
    EXPECT_NE(text.find("\\u001b"), std::string::npos) << "control characters escaped in JSON";
}

// The streamed document (what `--format json` writes) is the tree's dump(2), byte for byte:
// with findings and plan rows, and with every array empty.
TEST(JsonRenderer, StreamedDocumentEqualsTheTreeDump) {
    Report full = testing::sample_report();
    Report empty = full;
    empty.findings.clear();
    empty.inputs.clear();
    empty.options.clear();
    empty.plan = topology::Plan{};
    Report partners = full;  // `edgeplan partners`: the "partners" key between options and plan
    checks::partners::PartnerRow row;
    row.domain = "fabrikam.example";
    row.protocol = "xmpp";
    row.kind = "unknown";
    row.targets = {"xmpp.fabrikam.example:5269"};
    row.verdict = checks::Status::warn;
    partners.partners = {row, row};
    for (const Report* r : {&full, &empty, &partners}) {
        std::ostringstream streamed;
        write_json(*r, streamed);
        EXPECT_EQ(streamed.str(), to_json(*r).dump(2) + "\n");
    }
    EXPECT_NE(to_json(full).dump(2).find("\"findings\": [\n"), std::string::npos);
}

TEST(JsonRenderer, FindingsSharingACauseNameTheirGroupAndEveryFindingStays) {
    Report r = testing::sample_report();
    for (const char* subject : {"plan:a.contoso.com/A=10.0.0.2", "plan:b.contoso.com/A=10.0.0.2"}) {
        r.findings.push_back(testing::sample_finding("NET-10", checks::Status::fail, subject,
                                                     "private address", {{"ip", "10.0.0.2"}}, {}));
    }
    r.catalogue["NET-10"] = testing::sample_info("NET-10", checks::Severity::must, "Publish it.");
    const json j = to_json(r);
    ASSERT_EQ(j.at("findings").size(), r.findings.size());
    ASSERT_EQ(j.at("groups").size(), 1u);
    EXPECT_EQ(j.at("groups")[0].at("id"), "check:NET-10/fail");
    EXPECT_EQ(j.at("groups")[0].at("count"), 2);
    int grouped = 0;
    for (const json& f : j.at("findings")) {
        if (!f.contains("group")) continue;
        ++grouped;
        EXPECT_EQ(f.at("group"), "check:NET-10/fail");
        EXPECT_EQ(f.at("check_id"), "NET-10");
    }
    EXPECT_EQ(grouped, 2);
}

TEST(JsonRenderer, CitationsCarryTheirPageAddress) {
    Report r = testing::sample_report();
    r.catalogue["CERT-EXT-01"].citations = {
        {"CR-EXT", "lync-server-2013-certificate-requirements-for-external-user-access.md"},
        {"RFC 8996", "RFC 8996: Deprecating TLS 1.0 and TLS 1.1"},
        {"EDGEPLAN-WAIVERS", "docs/waivers.md"}};
    const json citation = to_json(r).at("findings")[0].at("citation");
    ASSERT_EQ(citation.size(), 3u);
    EXPECT_EQ(citation[0].at("url"),
              "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/"
              "lync-server-2013-certificate-requirements-for-external-user-access");
    EXPECT_EQ(citation[1].at("url"), "https://www.rfc-editor.org/rfc/rfc8996");
    EXPECT_FALSE(citation[2].contains("url")) << "the project's own document has no page";
}

}  // namespace
}  // namespace edgeplan::report
