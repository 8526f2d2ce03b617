// render_diff_junit and diff_to_sarif: `edgeplan diff` for CI systems (docs/diff-format.md).
// Both carry the finding changes, which decide the diff's exit code; the plan changes are in the
// JUnit suite's <system-out> and the SARIF run's properties, for a reviewer following the link.
#include <pugixml.hpp>
#include <string>

#include "report/diff_renderer.h"
#include "report/diff_sections.h"
#include "report/markup_text.h"
#include "report/sha256.h"

namespace edgeplan::report {
namespace {

using checks::Status;

void set(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_attribute(name).set_value(markup_safe(value).c_str());
}

void set(pugi::xml_node node, const char* name, int value) {
    node.append_attribute(name).set_value(value);
}

void add_text(pugi::xml_node node, const std::string& text) {
    if (!text.empty()) node.append_child(pugi::node_pcdata).set_value(markup_safe(text).c_str());
}

std::string status_text(const std::optional<Status>& s) { return s ? to_string(*s) : "absent"; }

// The plan changes as lines "DNS records: + external contoso.com sip.contoso.com A ...".
std::string plan_changes_text(const Diff& d) {
    std::string out;
    for (const DiffSection& s : diff_sections(d)) {
        if (s.title == "Offline findings") continue;
        for (const auto& row : s.rows) {
            out += s.title + ":";
            for (const std::string& cell : row) {
                if (!cell.empty()) out += " " + cell;
            }
            out += "\n";
        }
    }
    return out.empty() ? "no plan change\n" : out;
}

}  // namespace

void render_diff_junit(const DiffReport& r, bool fail_on_warn, std::ostream& out) {
    const Diff& d = r.diff;
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    pugi::xml_node root = doc.append_child("testsuites");
    set(root, "name", "edgeplan diff");
    pugi::xml_node suite = root.append_child("testsuite");
    set(suite, "name", "diff");
    set(suite, "id", 0);
    set(suite, "package", "edgeplan");
    pugi::xml_node properties = suite.append_child("properties");
    auto property = [&](const std::string& name, const std::string& value) {
        pugi::xml_node p = properties.append_child("property");
        set(p, "name", name);
        set(p, "value", value);
    };
    property("edgeplan.version", r.tool_version);
    property("edgeplan.command", "diff");
    property("edgeplan.now", r.now);
    for (const InputFile& i : r.inputs) property("edgeplan.input." + i.role, i.path);
    int tests = 0;
    int failures = 0;
    for (const auto* list : {&d.findings_new, &d.findings_resolved}) {
        const bool is_new = list == &d.findings_new;
        for (const FindingChange& c : *list) {
            pugi::xml_node testcase = suite.append_child("testcase");
            set(testcase, "name", c.check_id + " " + c.subject);
            set(testcase, "classname", is_new ? "new" : "resolved");
            set(testcase, "time", "0");
            ++tests;
            const std::string line =
                status_text(c.before) + " -> " + status_text(c.after) + ": " + c.message;
            const bool fails =
                is_new && (c.after == Status::fail || (fail_on_warn && c.after == Status::warn));
            if (fails) {
                pugi::xml_node failure = testcase.append_child("failure");
                set(failure, "message", c.message);
                set(failure, "type", c.check_id);
                add_text(failure, line);
                ++failures;
            } else {
                add_text(testcase.append_child("system-out"), line);
            }
        }
    }
    for (pugi::xml_node node : {suite, root}) {
        set(node, "tests", tests);
        set(node, "failures", failures);
        set(node, "errors", 0);
        if (node == suite) set(node, "skipped", 0);
        set(node, "time", "0");
    }
    add_text(suite.append_child("system-out"), plan_changes_text(d) + "diff: " + diff_summary(d));
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

nlohmann::json diff_to_sarif(const DiffReport& r) {
    using nlohmann::json;
    const Diff& d = r.diff;
    json results = json::array();
    for (const auto* list : {&d.findings_new, &d.findings_resolved}) {
        const bool is_new = list == &d.findings_new;
        for (const FindingChange& c : *list) {
            const std::optional<Status> shown = is_new ? c.after : c.before;
            const char* level = shown == Status::fail ? "error" : "warning";
            json result = {{"ruleId", c.check_id},
                           {"level", is_new ? level : "none"},
                           {"baselineState", is_new ? "new" : "absent"},
                           {"message",
                            {{"text", c.message + " [" + c.subject + "] (" + status_text(c.before) +
                                          " -> " + status_text(c.after) + ")"}}},
                           // The key of the report's SARIF (sarif_renderer.cpp), so a result of a
                           // diff matches the same finding in a plan or check run.
                           {"partialFingerprints",
                            {{"edgeplanSubject/v1", sha256_hex(c.check_id + "|" + c.subject)}}},
                           {"properties",
                            {{"subject", c.subject},
                             {"before", status_text(c.before)},
                             {"after", status_text(c.after)}}}};
            results.push_back(std::move(result));
        }
    }
    json driver = {{"name", "edgeplan"}, {"version", r.tool_version}};
    json run = {{"tool", {{"driver", std::move(driver)}}},
                {"results", std::move(results)},
                {"properties",
                 {{"command", "diff"},
                  {"now", r.now},
                  {"summary", diff_summary(d)},
                  {"planChanges", plan_change_count(d)}}}};
    return {{"$schema",
             "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
             "sarif-schema-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", json::array({std::move(run)})}};
}

}  // namespace edgeplan::report
