// Drives the epoll port prober (checks/probes/port_prober.h) over a port range, for
// tests/bench/port_sweep.sh. Stand-in until `edgeplan check` can sweep arbitrary ports
// (--target/--only): it measures the same prober the port checks use, without check logic.
//
//   port_sweep_bench --address ADDR --ports FIRST-LAST [--source-address ADDR]
//                    [--timeout-ms N] [--max-in-flight N]
//
// Prints one line of counts per outcome and the prober's own wall time; exit 2 on bad usage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks/probes/port_prober.h"

namespace probes = edgeplan::checks::probes;

namespace {

struct Options {
    std::string address;
    unsigned first = 0;
    unsigned last = 0;
    std::optional<std::string> source_address;
    long timeout_ms = 1000;
    long max_in_flight = 8192;
};

int usage(const char* why) {
    std::fprintf(stderr,
                 "port_sweep_bench: %s\nusage: port_sweep_bench --address ADDR --ports "
                 "FIRST-LAST [--source-address ADDR] [--timeout-ms N] [--max-in-flight N]\n",
                 why);
    return 2;
}

bool parse_number(const std::string& text, long low, long high, long& out) {
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < low || value > high) return false;
    out = value;
    return true;
}

bool parse_range(const std::string& text, Options& options) {
    const auto dash = text.find('-');
    long first = 0;
    long last = 0;
    if (dash == std::string::npos || !parse_number(text.substr(0, dash), 1, 65535, first) ||
        !parse_number(text.substr(dash + 1), first, 65535, last)) {
        return false;
    }
    options.first = static_cast<unsigned>(first);
    options.last = static_cast<unsigned>(last);
    return true;
}

std::optional<Options> parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        bool ok = true;
        if (key == "--address") {
            options.address = value;
        } else if (key == "--ports") {
            ok = parse_range(value, options);
        } else if (key == "--source-address") {
            options.source_address = value;
        } else if (key == "--timeout-ms") {
            ok = parse_number(value, 1, 600000, options.timeout_ms);
        } else if (key == "--max-in-flight") {
            ok = parse_number(value, 1, 1000000, options.max_in_flight);
        } else {
            ok = false;
        }
        if (!ok) return std::nullopt;
    }
    if (argc % 2 == 0 || options.address.empty() || options.first == 0) return std::nullopt;
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = parse(argc, argv);
    if (!options) return usage("bad arguments");

    std::vector<probes::TcpProbe> requests;
    for (unsigned port = options->first; port <= options->last; ++port) {
        probes::TcpProbe probe;
        probe.address = options->address;
        probe.port = static_cast<std::uint16_t>(port);
        probe.source_address = options->source_address;
        requests.push_back(std::move(probe));
    }

    probes::PortProberOptions prober_options;
    prober_options.timeout = std::chrono::milliseconds(options->timeout_ms);
    prober_options.max_in_flight = static_cast<std::size_t>(options->max_in_flight);
    const auto prober = probes::make_epoll_port_prober(prober_options);

    const auto started = std::chrono::steady_clock::now();
    const std::vector<probes::TcpObservation> observations = prober->probe(requests);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);

    std::map<std::string, int> counts;
    for (const auto& observation : observations) ++counts[probes::to_string(observation.outcome)];
    std::printf("probes=%zu", observations.size());
    for (const char* outcome : {"open", "closed", "filtered", "unreachable", "local_error"}) {
        std::printf(" %s=%d", outcome, counts[outcome]);
    }
    std::printf(" prober_ms=%lld timeout_ms=%ld\n", static_cast<long long>(elapsed.count()),
                options->timeout_ms);
    return 0;
}
