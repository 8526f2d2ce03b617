#pragma once
// Everything a renderer may see. Renderers (text, JSON, and later JUnit, SARIF, HTML) take a
// Report and nothing else: no model access beyond what is copied here, no network, no clock.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "checks/finding.h"
#include "topology/model.h"
#include "topology/plan.h"

namespace edgeplan::report {

struct InputFile {
    std::string role;  // "topology" or "settings"
    std::string path;
    std::string sha256;  // hex
    std::string format;  // edgeplan, lync-published, lync-tbxml
};

struct Summary {
    int pass = 0;
    int warn = 0;
    int fail = 0;
    int skip = 0;
    int error = 0;
    int total() const { return pass + warn + fail + skip + error; }
};

struct Report {
    std::string tool_version;
    std::string command;     // plan, check
    std::string started_at;  // ISO 8601 UTC: the header is the only place with wall time
    std::string now;         // the date the date-dependent rules used (--now), ISO 8601
    std::vector<InputFile> inputs;
    std::vector<std::pair<std::string, std::string>> options;  // as given, for reproduction
    topology::Plan plan;
    std::vector<checks::Finding> findings;               // sorted by (check ID, subject)
    std::map<std::string, checks::CheckInfo> catalogue;  // every check that produced a finding

    Summary summary() const;
    const checks::CheckInfo* info_for(const std::string& check_id) const;
};

}  // namespace edgeplan::report
