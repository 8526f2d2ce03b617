#pragma once
// `edgeplan check TOPOLOGY`: the offline checks plus every applicable probe check, reported
// like `plan`. Options are parsed in cli.cpp; this header is their contract with the command.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/certificate_options.h"
#include "checks/runner.h"
#include "report/renderers.h"

namespace edgeplan::app {

struct CheckArguments {
    std::string topology;
    std::string settings;
    std::vector<std::string> settings_dirs;  // --settings-from, in order
    std::string format = "text";
    std::vector<std::string> outputs;  // FORMAT=FILE
    std::string now;
    checks::Selection selection;
    std::string fail_on = "fail";
    std::string baseline;  // --baseline REPORT.json (app/gate.h)
    std::string waivers;   // --waivers FILE (docs/waivers.md)
    report::TextOptions text;
    bool quiet = false;
    bool progress = false;  // draw app/progress_line.h on stderr (a terminal, not --quiet)
    std::string command_line;

    std::vector<std::string> dns_servers;           // empty = /etc/resolv.conf
    std::vector<std::string> internal_dns_servers;  // empty = internal-zone checks skip
    std::vector<std::string> from;                  // external | internal | edge; empty = external
    std::string responder;                          // --from edge target
    int sample = 16;  // --sample N: ports probed per outbound range toward the responder
    std::vector<std::string> targets;  // extra allowed probe targets
    std::string source_address;
    std::string timeout = "3s";      // per network operation: 500ms, 3s, 3
    std::size_t concurrency = 8192;  // operations in flight
    std::string record;              // write the observations here (JSON)
    std::string replay;              // read observations from here instead of the network
    std::string resolv_conf = "/etc/resolv.conf";
    CertificateArguments certificates;  // --cert, --ca-file, --client-cert, ...
};

// "250ms", "3s", "3" (seconds); nullopt when malformed, zero or over an hour.
std::optional<std::chrono::milliseconds> parse_timeout(const std::string& text);

int check_command(const CheckArguments& arguments);

}  // namespace edgeplan::app
