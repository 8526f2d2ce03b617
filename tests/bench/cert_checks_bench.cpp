// Certificate checks per second against one TLS endpoint, for tests/bench/cert_checks.sh: each
// check is what `edgeplan check` does per TLS endpoint (a fresh TCP connection and full
// handshake with the OpenSSL TLS prober, checks/probes/tls_prober.h; the presented chain parsed
// and verified against --ca-file, then every certificate rule of certificate_rules.h against the
// topology's external certificate request). No SIP OPTIONS and no legacy-TLS handshake, so one
// check is one handshake, comparable with `openssl s_time -new`.
//
//   cert_checks_bench --topology FILE --address ADDR --port N --ca-file CA.pem
//                     [--sni NAME] [--seconds S]
//
// Prints the rule results of the first check (so the caller can see that the rules judged a
// correct certificate, not an error page), then one line "checks=N seconds=S rate=R/s
// handshake_failures=F". Exit 1 when a handshake failed, 2 on bad usage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "checks/certificates/certificate_parser.h"
#include "checks/certificates/certificate_rules.h"
#include "checks/probes/tls_prober.h"
#include "topology/loader.h"
#include "topology/plan.h"

namespace certs = edgeplan::checks::certificates;
namespace probes = edgeplan::checks::probes;
namespace topo = edgeplan::topology;

namespace {

struct Options {
    std::string topology;
    std::string address;
    long port = 0;
    std::string ca_file;
    std::string sni;
    double seconds = 10;
};

int usage(const char* why) {
    std::fprintf(stderr,
                 "cert_checks_bench: %s\nusage: cert_checks_bench --topology FILE --address ADDR "
                 "--port N --ca-file CA.pem [--sni NAME] [--seconds S]\n",
                 why);
    return 2;
}

std::optional<Options> parse(int argc, char** argv) {
    Options options;
    if (argc % 2 == 0) return std::nullopt;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        char* end = nullptr;
        if (key == "--topology") {
            options.topology = value;
        } else if (key == "--address") {
            options.address = value;
        } else if (key == "--port") {
            options.port = std::strtol(value.c_str(), &end, 10);
            if (*end != '\0' || options.port < 1 || options.port > 65535) return std::nullopt;
        } else if (key == "--ca-file") {
            options.ca_file = value;
        } else if (key == "--sni") {
            options.sni = value;
        } else if (key == "--seconds") {
            options.seconds = std::strtod(value.c_str(), &end);
            if (*end != '\0' || options.seconds <= 0 || options.seconds > 600) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (options.topology.empty() || options.address.empty() || options.port == 0 ||
        options.ca_file.empty()) {
        return std::nullopt;
    }
    return options;
}

// The first pool's external certificate request: what the Access Edge must present.
std::optional<certs::CertificateExpectation> expectation(const std::string& path) {
    topo::LoadRequest request;
    request.topology_path = path;
    const topo::Model model = topo::load_model(request);
    const topo::Plan plan = topo::derive_plan(model);
    for (const topo::CertificateRequest& c : plan.certificates) {
        if (c.use == topo::CertificateUse::external) return certs::expectation_for(model, c);
    }
    return std::nullopt;
}

struct OneCheck {
    bool handshake_ok = false;
    std::string error;
    std::vector<certs::RuleResult> results;
};

OneCheck check_once(probes::TlsProber& prober, const probes::TlsProbe& probe,
                    const certs::CertificateExpectation& expected,
                    const certs::VerifyOptions& verify, const certs::RuleOptions& rules) {
    OneCheck out;
    const probes::TlsObservation o = prober.probe({probe}).at(0);
    if (!o.handshake_ok || o.peer_chain.empty()) {
        out.error = o.error.empty() ? "no certificate presented" : o.error;
        return out;
    }
    out.handshake_ok = true;
    const certs::CertificateChainFacts chain = certs::parse_der_chain(o.peer_chain, verify);
    out.results = certs::evaluate_certificate(chain, expected, rules);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = parse(argc, argv);
    if (!options) return usage("bad arguments");
    try {
        const auto expected = expectation(options->topology);
        if (!expected) return usage("the topology plans no external certificate");

        probes::TlsProbe probe;
        probe.address = options->address;
        probe.port = static_cast<std::uint16_t>(options->port);
        probe.sni = options->sni.empty() ? expected->subject : options->sni;
        const auto prober = probes::make_openssl_tls_prober();
        certs::VerifyOptions verify;
        verify.ca_file = options->ca_file;
        certs::RuleOptions rules;
        verify.now = rules.now = certs::Clock::now();  // one clock for the whole run

        const OneCheck first = check_once(*prober, probe, *expected, verify, rules);
        if (!first.handshake_ok) {
            std::fprintf(stderr, "cert_checks_bench: handshake failed: %s\n", first.error.c_str());
            return 1;
        }
        for (const certs::RuleResult& r : first.results) {
            std::printf("%s %s %s\n", r.rule_id.c_str(), edgeplan::checks::to_string(r.status),
                        r.message.c_str());
        }

        long checks = 0;
        long failures = 0;
        const auto start = std::chrono::steady_clock::now();
        const auto stop = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(options->seconds));
        while (std::chrono::steady_clock::now() < stop) {
            const OneCheck one = check_once(*prober, probe, *expected, verify, rules);
            ++checks;
            failures += one.handshake_ok ? 0 : 1;
        }
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("checks=%ld seconds=%.3f rate=%.1f/s handshake_failures=%ld\n", checks, elapsed,
                    static_cast<double>(checks) / elapsed, failures);
        return failures == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cert_checks_bench: %s\n", e.what());
        return 1;
    }
}
