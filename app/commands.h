#pragma once
// One function per subcommand; each returns the exit code and reports its own errors on stderr.
#include <string>
#include <vector>

#include "app/certificate_options.h"
#include "checks/runner.h"
#include "report/renderers.h"

namespace edgeplan::app {

struct PlanArguments {
    std::string topology;  // empty = the embedded sample
    std::string settings;
    std::vector<std::string> settings_dirs;  // --settings-from, in order
    std::string format = "text";
    std::vector<std::string> outputs;  // FORMAT=FILE
    std::string now;
    checks::Selection selection;
    std::string fail_on = "fail";
    std::string baseline;  // --baseline REPORT.json (app/gate.h)
    std::string waivers;   // --waivers FILE (docs/waivers.md)
    std::string emit_zone;
    std::string emit_csr;
    std::string emit_firewall;
    report::TextOptions text;
    bool quiet = false;
    std::string command_line;
    CertificateArguments certificates;  // --cert, --ca-file, ... (certificate_options.h)
};

int plan_command(const PlanArguments& arguments);
int checks_command(const std::string& format);

}  // namespace edgeplan::app
