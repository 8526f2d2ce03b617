// Drives the DNS resolver (checks/probes/resolver.h) over a list of SRV names, for
// tests/bench/large_topology.sh case (c): the same ldns/epoll resolver the federation checks
// use for partner _sipfederationtls lookups, without the check logic, so its queries/s can be
// set beside dnsperf against the same NSD.
//
//   dns_srv_bench --server ADDR[:PORT] --names FILE [--count N] [--max-in-flight N]
//                 [--timeout-ms N]
//
// Sends --count queries (cycling through FILE, one name a line) in one resolve() call. Prints
// the outcome counts, the wall time and queries/s; exit 1 when any answer is not ok.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "checks/probes/resolver.h"

namespace probes = edgeplan::checks::probes;

namespace {

int usage(const char* why) {
    std::fprintf(stderr,
                 "dns_srv_bench: %s\nusage: dns_srv_bench --server ADDR[:PORT] --names FILE "
                 "[--count N] [--max-in-flight N] [--timeout-ms N]\n",
                 why);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string server;
    std::string names_file;
    long count = 10000;
    long in_flight = 64;
    long timeout_ms = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        try {
            if (flag == "--server")
                server = value;
            else if (flag == "--names")
                names_file = value;
            else if (flag == "--count")
                count = std::stol(value);
            else if (flag == "--max-in-flight")
                in_flight = std::stol(value);
            else if (flag == "--timeout-ms")
                timeout_ms = std::stol(value);
            else
                return usage(("unknown option " + flag).c_str());
        } catch (const std::exception&) {
            return usage(("bad value for " + flag).c_str());
        }
    }
    if (argc % 2 == 0) return usage("an option without a value");
    if (server.empty() || names_file.empty()) return usage("--server and --names are required");
    if (count < 1 || in_flight < 1 || timeout_ms < 1) return usage("values must be positive");

    std::vector<std::string> names;
    std::ifstream input(names_file);
    for (std::string line; std::getline(input, line);) {
        if (!line.empty()) names.push_back(line);
    }
    if (names.empty()) return usage("no names in --names");

    std::vector<probes::DnsQuery> queries;
    queries.reserve(static_cast<std::size_t>(count));
    for (long i = 0; i < count; ++i) {
        queries.push_back(
            {names[static_cast<std::size_t>(i) % names.size()], probes::DnsType::SRV, server});
    }
    probes::ResolverOptions options;
    options.timeout = std::chrono::milliseconds(timeout_ms);
    options.max_in_flight = static_cast<std::size_t>(in_flight);
    auto resolver = probes::make_ldns_resolver(options);

    const auto start = std::chrono::steady_clock::now();
    const auto answers = resolver->resolve(queries);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::map<std::string, long> outcomes;
    for (const auto& answer : answers) ++outcomes[probes::to_string(answer.outcome)];
    for (const auto& [outcome, n] : outcomes) std::printf("%s=%ld ", outcome.c_str(), n);
    std::printf("queries=%ld seconds=%.4f qps=%.0f\n", count, seconds,
                static_cast<double>(count) / seconds);
    return outcomes["ok"] == count ? 0 : 1;
}
